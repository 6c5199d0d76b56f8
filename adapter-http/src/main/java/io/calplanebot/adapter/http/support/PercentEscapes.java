package io.calplanebot.adapter.http.support;

/** Whether a raw request path's percent-escapes are well formed ({@code %} and two hexadecimal digits). */
public final class PercentEscapes {
    private PercentEscapes() {
    }

    public static boolean wellFormed(String rawPath) {
        for (int i = 0; i < rawPath.length(); i++) {
            if (rawPath.charAt(i) == '%') {
                if (i + 2 >= rawPath.length() || !hex(rawPath.charAt(i + 1)) || !hex(rawPath.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            }
        }
        return true;
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
