package io.calplanebot.ical;

import java.nio.charset.StandardCharsets;

/** Percent-encoding (RFC 3986) of UTF-8 text, keeping letters, digits and a chosen set of ASCII characters. */
public final class PercentEncoding {
    private PercentEncoding() {
    }

    /** Encodes every byte that is not an ASCII letter or digit and not one of {@code keep}. */
    public static String encode(String text, String keep) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || keep.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
