package io.calplanebot.adapter.plane.html;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The quick reading of simple descriptions writes exactly what the walk over jsoup's tree writes. */
class SimpleParagraphsTest {
    private static final List<String> PIECES = List.of("<p>", "</p>", "<p class=\"editor-paragraph-block\">",
            "<p class=\"\">", "<br>", "<br/>", "<br />", "<strong>", "</strong>", "<em>", "</em>", "<code>", "</code>",
            "<b>", "</b>", "<i>", "</i>", "<u>", "</u>", "<s>", "</s>", "Work item", " 42 ", "check the", "details.",
            "  ", "\n", "\t", "\r\n", "\u00a0", "é ü", "'quoted' \"text\"", "x", "a  b",
            // near misses, which must go to jsoup
            "&amp;", "<P>", "<p/>", "</br>", "<span>", "</span>", "<a href=\"https://x.test\">", "</a>", "<!-- c -->",
            "<ul>", "<li>", "</li>", "</ul>", "<pre>", "</pre>", ">", "<", "\u0000", "<strong class=\"x\">");

    @Test
    void plainParagraphsWithEmphasis_areReadWithoutTheParser() {
        String html = "<p class=\"editor-paragraph-block\">Work item <strong>7</strong>: check the <em>details</em>."
                + "</p><p>Second<br>line</p>";
        assertThat(SimpleParagraphs.text(html)).isEqualTo("Work item 7: check the details.\n\nSecond\nline");
    }

    @Test
    void anythingElse_isLeftToTheParser() {
        for (String html : List.of("<p>a &amp; b</p>", "<p>a<p>b</p>", "<p><strong>a</p></strong>", "<ul><li>a</li></ul>",
                "<p>a", "<strong>a", "<p>a</p><!-- x -->", "<p>1 > 0</p>", "<P>a</P>", "<p>a\u0000b</p>")) {
            assertThat(SimpleParagraphs.text(html)).as(html).isNull();
        }
    }

    @Test
    void theQuickReading_writesWhatTheParsedReadingWrites_onGeneratedDescriptions() {
        Random random = new Random(1201L);
        int quick = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder html = new StringBuilder();
            if (random.nextBoolean()) {
                well(random, html);
                check(html.toString());
                quick++;
                continue;
            }
            boolean nearMisses = random.nextInt(4) == 0;
            int pieces = 1 + random.nextInt(14);
            for (int j = 0; j < pieces; j++) {
                int bound = nearMisses ? PIECES.size() : PIECES.indexOf("&amp;");
                html.append(PIECES.get(random.nextInt(bound)));
            }
            if (!nearMisses && random.nextBoolean()) {
                html.insert(0, "<p>").append("</p>");
            }
            String candidate = html.toString();
            String quickText = SimpleParagraphs.text(candidate);
            if (quickText != null) {
                quick++;
                assertThat(quickText).as(candidate)
                        .isEqualTo(HtmlToText.convertParsed(candidate, id -> Optional.empty()));
            }
        }
        assertThat(quick).as("descriptions read the quick way").isGreaterThan(10_000);
    }

    private static void check(String html) {
        String quickText = SimpleParagraphs.text(html);
        assertThat(quickText).as(html).isNotNull();
        assertThat(quickText).as(html).isEqualTo(HtmlToText.convertParsed(html, id -> Optional.empty()));
    }

    /** Paragraphs of text, breaks and properly nested emphasis, with white space between them. */
    private static void well(Random random, StringBuilder html) {
        List<String> words = List.of("Work", "item", " ", "  ", "\n", "\t", "\u00a0", "42.", "é", "'q'", "\"d\"");
        List<String> inline = List.of("strong", "em", "b", "i", "u", "s", "code");
        int paragraphs = random.nextInt(4);
        for (int p = 0; p < paragraphs; p++) {
            if (random.nextBoolean()) {
                html.append(words.get(random.nextInt(4) + 2));
            }
            html.append(random.nextBoolean() ? "<p>" : "<p class=\"editor-paragraph-block\">");
            int depth = 0;
            java.util.Deque<String> open = new java.util.ArrayDeque<>();
            for (int k = random.nextInt(8); k > 0; k--) {
                switch (random.nextInt(4)) {
                    case 0 -> {
                        String tag = inline.get(random.nextInt(inline.size()));
                        open.push(tag);
                        html.append('<').append(tag).append('>');
                        depth++;
                    }
                    case 1 -> {
                        if (depth > 0) {
                            html.append("</").append(open.pop()).append('>');
                            depth--;
                        }
                    }
                    case 2 -> html.append(random.nextBoolean() ? "<br>" : "<br />");
                    default -> html.append(words.get(random.nextInt(words.size())));
                }
            }
            while (!open.isEmpty()) {
                html.append("</").append(open.pop()).append('>');
            }
            html.append("</p>");
        }
        if (random.nextBoolean()) {
            html.append(words.get(random.nextInt(words.size())));
        }
    }
}
