package io.calplanebot.ical;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes RFC 5545 content lines to a {@link Writer} as they are produced: CRLF line ends, lines folded at 75
 * octets of UTF-8 on code-point boundaries, TEXT values escaped. Nothing is buffered here but the octet count of
 * the current physical line, so a calendar of any size streams without building a string per line.
 */
final class ContentLines {
    private final Writer out;
    private int octets;

    ContentLines(Writer out) {
        this.out = out;
    }

    /** Starts a content line with the property name. */
    void begin(String name) throws IOException {
        octets = 0;
        raw(name);
    }

    /** {@code ;NAME=value}, the value quoted when it holds {@code : ; ,}, and RFC 6868 caret-encoded. */
    void parameter(String name, String value) throws IOException {
        put(';');
        raw(name);
        put('=');
        boolean quote = needsQuotes(value);
        if (quote) {
            put('"');
        }
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            i += Character.charCount(codePoint);
            switch (codePoint) {
                case '^' -> raw("^^");
                case '"' -> raw("^'");
                case '\n' -> raw("^n");
                case '\r' -> {
                    if (i >= value.length() || value.charAt(i) != '\n') {
                        raw("^n");
                    }
                }
                default -> putText(codePoint);
            }
        }
        if (quote) {
            put('"');
        }
    }

    /** The ':' that ends the name and parameters. */
    void colon() throws IOException {
        put(':');
    }

    /** Characters written as they are (names, dates, URIs, enumerated values). */
    void raw(String text) throws IOException {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            put(codePoint);
            i += Character.charCount(codePoint);
        }
    }

    /** A TEXT value: backslash, semicolon, comma and line ends escaped, other control characters dropped. */
    void text(String text) throws IOException {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            switch (codePoint) {
                case '\\' -> raw("\\\\");
                case ';' -> raw("\\;");
                case ',' -> raw("\\,");
                case '\n' -> raw("\\n");
                case '\r' -> {
                    if (i >= text.length() || text.charAt(i) != '\n') {
                        raw("\\n"); // a lone CR is a line end too; CRLF becomes one \n
                    }
                }
                default -> putText(codePoint);
            }
        }
    }

    /** Ends the content line. */
    void end() throws IOException {
        out.write("\r\n");
        octets = 0;
    }

    /** A whole line whose value is written as it is. */
    void line(String name, String rawValue) throws IOException {
        begin(name);
        colon();
        raw(rawValue);
        end();
    }

    /** A whole line with a TEXT value. */
    void textLine(String name, String value) throws IOException {
        begin(name);
        colon();
        text(value);
        end();
    }

    private void putText(int codePoint) throws IOException {
        if (codePoint < 0x20 && codePoint != '\t' || codePoint == 0x7f) {
            return; // RFC 5545 TEXT allows no control character but HTAB
        }
        put(Character.isSurrogate((char) codePoint) && codePoint <= 0xffff ? 0xfffd : codePoint);
    }

    private void put(int codePoint) throws IOException {
        int size = utf8Length(codePoint);
        if (octets + size > IcsFolding.MAX_OCTETS) {
            out.write("\r\n ");
            octets = 1; // the leading space of a continuation line counts
        }
        if (codePoint < 0x10000) {
            out.write(codePoint);
        } else {
            out.write(Character.highSurrogate(codePoint));
            out.write(Character.lowSurrogate(codePoint));
        }
        octets += size;
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ':' || c == ';' || c == ',') {
                return true;
            }
        }
        return false;
    }

    static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
