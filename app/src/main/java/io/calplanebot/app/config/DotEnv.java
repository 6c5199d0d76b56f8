package io.calplanebot.app.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code .env} file: {@code KEY=value} lines, optional {@code export }, blank lines and {@code #} comments,
 * values optionally in single quotes (taken literally) or double quotes (with {@code \n}, {@code \"} and
 * {@code \\} escapes); an unquoted value ends at {@code " #"}.
 */
public final class DotEnv {
    private DotEnv() {
    }

    public static Map<String, String> read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    static Map<String, String> parse(List<String> lines, String source) {
        Map<String, String> values = new LinkedHashMap<>();
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(source + " line " + number + ": expected KEY=value");
            }
            String key = line.substring(0, eq).strip();
            if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException(source + " line " + number + ": invalid variable name '" + key + "'");
            }
            values.put(key, value(line.substring(eq + 1).strip(), source, number));
        }
        return values;
    }

    private static String value(String text, String source, int number) {
        if (text.startsWith("'")) {
            int end = text.indexOf('\'', 1);
            if (end < 0) {
                throw new IllegalArgumentException(source + " line " + number + ": unterminated single quote");
            }
            return text.substring(1, end);
        }
        if (text.startsWith("\"")) {
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\' && i + 1 < text.length()) {
                    char next = text.charAt(++i);
                    out.append(next == 'n' ? '\n' : next);
                } else {
                    out.append(c);
                }
            }
            throw new IllegalArgumentException(source + " line " + number + ": unterminated double quote");
        }
        int comment = text.indexOf(" #");
        return (comment >= 0 ? text.substring(0, comment) : text).strip();
    }
}
