package io.calplanebot.adapter.plane.html;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * The text of the simplest descriptions, read without an HTML parser: paragraphs ({@code <p>}, with a
 * {@code class} at most), line breaks, and inline emphasis ({@code strong}, {@code em}, {@code b}, {@code i},
 * {@code u}, {@code s}, {@code code}) without attributes, properly nested, around text with no {@code &}, {@code <}
 * or {@code >}. That is most of what Plane's editor stores, and parsing it with jsoup was most of the cost of
 * mapping an issue. The text is what {@link HtmlToText}'s walk over jsoup's tree writes for the same HTML (a test
 * compares the two on generated HTML); anything else answers null and goes to jsoup.
 */
final class SimpleParagraphs {
    private static final Set<String> INLINE = Set.of("strong", "em", "b", "i", "u", "s", "code");

    private SimpleParagraphs() {
    }

    /** The description's text, or null when the HTML is not of the simple kind. */
    static String text(String html) {
        PlainTextWriter out = new PlainTextWriter();
        Deque<String> open = new ArrayDeque<>();
        boolean inParagraph = false;
        int length = html.length();
        int at = 0;
        while (at < length) {
            char c = html.charAt(at);
            if (c != '<') {
                int end = at;
                while (end < length && html.charAt(end) != '<') {
                    char t = html.charAt(end);
                    if (t == '&' || t == '>' || (t < ' ' && t != '\t' && t != '\n' && t != '\r' && t != '\f')) {
                        return null;
                    }
                    end++;
                }
                out.text(HtmlToText.flowing(html.substring(at, end)));
                at = end;
                continue;
            }
            int close = html.indexOf('>', at);
            if (close < 0) {
                return null;
            }
            String tag = html.substring(at + 1, close);
            at = close + 1;
            if (tag.equals("br") || tag.equals("br/") || tag.equals("br /")) {
                out.hardBreak();
            } else if (tag.equals("p") || isParagraphWithClass(tag)) {
                if (inParagraph || !open.isEmpty()) {
                    return null;
                }
                inParagraph = true;
                out.blockBoundary();
            } else if (tag.equals("/p")) {
                if (!inParagraph || !open.isEmpty()) {
                    return null;
                }
                inParagraph = false;
                out.blockBoundary();
            } else if (INLINE.contains(tag)) {
                open.push(tag);
            } else if (tag.startsWith("/") && INLINE.contains(tag.substring(1))) {
                if (!tag.substring(1).equals(open.peek())) {
                    return null;
                }
                open.pop();
            } else {
                return null;
            }
        }
        return inParagraph || !open.isEmpty() ? null : out.result();
    }

    private static boolean isParagraphWithClass(String tag) {
        if (!tag.startsWith("p class=\"") || !tag.endsWith("\"") || tag.length() < 10) {
            return false;
        }
        for (int i = 9; i < tag.length() - 1; i++) {
            char c = tag.charAt(i);
            if (c == '"' || c == '&' || c == '<' || c < ' ') {
                return false;
            }
        }
        return true;
    }
}
