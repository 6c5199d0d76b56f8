package io.calplanebot.ical;

/**
 * RFC 5545 line handling: CRLF line ends and content lines folded at 75 octets of UTF-8, never inside a
 * code point (ical4j does not fold on output, and its CalendarOutputter folds by characters).
 */
public final class IcsFolding {
    /** The longest a physical line may be, in octets, not counting CRLF. */
    public static final int MAX_OCTETS = 75;

    private IcsFolding() {
    }

    /** Unfolds, then folds every content line at 75 octets; the result uses CRLF only and ends with CRLF. */
    public static String fold(String ics) {
        String unfolded = unfold(ics);
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 40);
        for (String line : unfolded.split("\n", -1)) {
            if (!line.isEmpty()) {
                foldLine(line, out);
            }
        }
        return out.toString();
    }

    /** Joins continuation lines (CRLF or LF followed by one space or tab) and normalises line ends to LF. */
    public static String unfold(String ics) {
        String lf = ics.replace("\r\n", "\n").replace('\r', '\n');
        return lf.replace("\n ", "").replace("\n\t", "");
    }

    private static void foldLine(String line, StringBuilder out) {
        int octets = 0;
        int limit = MAX_OCTETS;
        int i = 0;
        while (i < line.length()) {
            int codePoint = line.codePointAt(i);
            int size = utf8Length(codePoint);
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 0;
                limit = MAX_OCTETS - 1; // the leading space of a continuation line counts
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
