package io.calplanebot.adapter.caldav.ical;

import java.nio.charset.StandardCharsets;

/** Makes a URL string acceptable as an iCalendar URI value by percent-encoding what a URI may not contain. */
final class UriText {
    private static final String ALLOWED = "-._~:/?#[]@!$&'()*+,;=%";

    private UriText() {
    }

    static String escape(String url) {
        StringBuilder out = new StringBuilder(url.length());
        for (byte b : url.strip().getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || ALLOWED.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
