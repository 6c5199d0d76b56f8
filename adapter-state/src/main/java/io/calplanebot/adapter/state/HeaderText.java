package io.calplanebot.adapter.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request headers as one text column: a {@code name:value} line per value. Header names hold no colon and values no
 * line break (HTTP forbids both), so the text reads back exactly.
 */
final class HeaderText {
    private HeaderText() {
    }

    static String write(Map<String, List<String>> headers) {
        StringBuilder text = new StringBuilder();
        headers.forEach((name, values) -> values.forEach(value -> text.append(name).append(':')
                .append(value.replace("\r", " ").replace("\n", " ")).append('\n')));
        return text.toString();
    }

    static Map<String, List<String>> read(String text) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(line.substring(0, colon), k -> new ArrayList<>()).add(line.substring(colon + 1));
            }
        }
        return headers;
    }
}
