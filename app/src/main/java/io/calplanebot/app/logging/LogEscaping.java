package io.calplanebot.app.logging;

/**
 * Makes text safe to put in one log line: control characters (C0, DEL, C1) and the Unicode line and paragraph
 * separators are written as escapes ({@code \r}, {@code \n}, {@code \t}, else {@code \}{@code uXXXX}), so that text
 * from outside (a request path, a field of a body) can never start a new, forged log line.
 */
final class LogEscaping {
    private LogEscaping() {
    }

    static boolean needsEscape(int c) {
        return c < 0x20 || c >= 0x7F && c <= 0x9F || c == 0x2028 || c == 0x2029;
    }

    static String escape(int c) {
        return switch (c) {
            case '\r' -> "\\r";
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            default -> String.format(java.util.Locale.ROOT, "\\u%04X", c);
        };
    }

    static String escaped(String text) {
        if (text == null || text.chars().noneMatch(LogEscaping::needsEscape)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (needsEscape(c)) {
                out.append(escape(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
