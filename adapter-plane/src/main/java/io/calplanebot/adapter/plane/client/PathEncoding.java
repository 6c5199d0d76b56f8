package io.calplanebot.adapter.plane.client;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Percent-encoding of path segments and query values (RFC 3986 unreserved characters stay as they are). */
public final class PathEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathEncoding() {
    }

    /**
     * Encodes one path segment, e.g. a workspace slug or an id. An empty value and the dot segments {@code .} and
     * {@code ..} are refused: they would name another resource (clients normalize them, even percent-encoded).
     */
    public static String segment(String value) {
        if (value.isEmpty() || value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException("not a usable path segment: '" + value + "'");
        }
        return encode(value);
    }

    private static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    /** {@code ?a=1&b=2} in the map's order, or the empty string. */
    static String query(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("?");
        query.forEach((name, value) -> {
            if (out.length() > 1) {
                out.append('&');
            }
            out.append(encode(name)).append('=').append(encode(value));
        });
        return out.toString();
    }
}
