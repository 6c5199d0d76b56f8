package io.calplanebot.adapter.plane.html;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlToTextTest {

    @Test
    void emptyParagraph_planesDefault_becomesEmptyText() {
        assertThat(HtmlToText.convert("<p></p>")).isEmpty();
        assertThat(HtmlToText.convert("")).isEmpty();
        assertThat(HtmlToText.convert(null)).isEmpty();
    }

    @Test
    void webEditorParagraphs_becomeParagraphsSeparatedByABlankLine() {
        String html = "<p class=\"editor-paragraph-block\">Repro: <code class=\"rounded bg-custom-background-80\">"
                + "northwind://job?q=%F0%9F%A7%A8</code> → NPE in UriParser.</p>"
                + "<p class=\"editor-paragraph-block\">Seen on <strong>Android 14</strong> &amp; <em>15</em>.</p>";

        assertThat(HtmlToText.convert(html)).isEqualTo(
                "Repro: northwind://job?q=%F0%9F%A7%A8 → NPE in UriParser.\n\nSeen on Android 14 & 15.");
    }

    @Test
    void webEditorHardBreaksAndHeadings_keepTheirLines() {
        String html = "<h2 class=\"editor-heading-block\">Steps</h2>"
                + "<p class=\"editor-paragraph-block\">Open the app<br>Tap <u>Jobs</u><br/>Scroll</p>";

        assertThat(HtmlToText.convert(html)).isEqualTo("Steps\n\nOpen the app\nTap Jobs\nScroll");
    }

    @Test
    void webEditorLists_bulletNumberedNestedAndTaskItems() {
        String html = "<p class=\"editor-paragraph-block\">Plan:</p>"
                + "<ul class=\"list-disc pl-7 space-y-[--list-spacing-y] tight\" data-tight=\"true\">"
                + "<li class=\"not-prose space-y-2\"><p class=\"editor-paragraph-block\">Check locale</p>"
                + "<ol class=\"list-decimal pl-7 space-y-[--list-spacing-y] tight\" data-tight=\"true\">"
                + "<li class=\"not-prose space-y-2\"><p class=\"editor-paragraph-block\">ar-EG</p></li>"
                + "<li class=\"not-prose space-y-2\"><p class=\"editor-paragraph-block\">fa-IR</p></li></ol></li>"
                + "<li class=\"not-prose space-y-2\"><p class=\"editor-paragraph-block\">Ship fix</p></li></ul>"
                + "<ul data-type=\"taskList\" class=\"not-prose pl-2 space-y-2\">"
                + "<li data-checked=\"true\" data-type=\"taskItem\"><label><input type=\"checkbox\" checked=\"checked\">"
                + "<span></span></label><div><p class=\"editor-paragraph-block\">Write test</p></div></li>"
                + "<li data-checked=\"false\" data-type=\"taskItem\"><label><input type=\"checkbox\"><span></span>"
                + "</label><div><p class=\"editor-paragraph-block\">Release</p></div></li></ul>";

        assertThat(HtmlToText.convert(html)).isEqualTo("Plan:\n\n"
                + "- Check locale\n"
                + "  1. ar-EG\n"
                + "  2. fa-IR\n"
                + "- Ship fix\n\n"
                + "[x] Write test\n"
                + "[ ] Release");
    }

    @Test
    void codeBlock_isKeptVerbatimWithItsIndentation() {
        String html = "<p class=\"editor-paragraph-block\">Stack:</p><pre class=\"language-java\"><code>"
                + "at NumberFormat.parse(NumberFormat.java:42)\n    at Main.main(Main.java:7)\n</code></pre>"
                + "<p class=\"editor-paragraph-block\">End</p>";

        assertThat(HtmlToText.convert(html)).isEqualTo("Stack:\n\n"
                + "at NumberFormat.parse(NumberFormat.java:42)\n    at Main.main(Main.java:7)\n\nEnd");
    }

    @Test
    void links_becomeTextThenAddress_unlessTheTextIsTheAddress() {
        String html = "<p class=\"editor-paragraph-block\">See <a target=\"_blank\" rel=\"noopener noreferrer nofollow\" "
                + "class=\"text-custom-primary-300 underline\" href=\"https://play.google.com/console/x?id=1&amp;b=2\">"
                + "the crash report</a> and <a href=\"https://example.com/\">https://example.com</a> or "
                + "<a href=\"mailto:ops@northwind.example\">ops@northwind.example</a>.</p>";

        assertThat(HtmlToText.convert(html)).isEqualTo("See the crash report (https://play.google.com/console/x?id=1&b=2)"
                + " and https://example.com or ops@northwind.example.");
    }

    @Test
    void mentions_areNamed_fromTheirLabelOrTheUserDirectory() {
        String html = "<p class=\"editor-paragraph-block\">Ping <mention-component entity_identifier=\"u-1\" "
                + "entity_name=\"user_mention\"></mention-component> and <mention-component id=\"x\" label=\"kenji\" "
                + "target=\"users\" entity_identifier=\"u-2\"></mention-component> and "
                + "<mention-component entity_identifier=\"u-9\" entity_name=\"user_mention\"></mention-component></p>";

        String text = HtmlToText.convert(html, id -> Optional.ofNullable(Map.of("u-1", "priya").get(id)));

        assertThat(text).isEqualTo("Ping @priya and @kenji and @user");
    }

    @Test
    void aDescriptionConvertedAgain_readsTheSame_andAMentionIsNamedFromTheDirectoryAsItIsNow() {
        String plain = "<p class=\"editor-paragraph-block\">Same <strong>text</strong> " + System.nanoTime() + "</p>";
        String mention = "<p>Ask <mention-component entity_identifier=\"u-1\" entity_name=\"user_mention\">"
                + "</mention-component> " + System.nanoTime() + "</p>";

        assertThat(HtmlToText.convert(plain)).isEqualTo(HtmlToText.convert(plain)).startsWith("Same text ");
        String before = HtmlToText.convert(mention, id -> Optional.of("priya"));
        String after = HtmlToText.convert(mention, id -> Optional.of("priya.renamed"));

        assertThat(before).startsWith("Ask @priya ");
        assertThat(after).as("a name from the directory is never remembered with the text").startsWith(
                "Ask @priya.renamed ");
    }

    @Test
    void imagesBlockquotesTablesAndRules_readAsText() {
        String html = "<blockquote><p class=\"editor-paragraph-block\">Quoted line</p></blockquote>"
                + "<image-component src=\"4f3c-asset\" width=\"35%\"></image-component>"
                + "<img src=\"https://x/y.png\" alt=\"screenshot\">"
                + "<hr>"
                + "<table><tbody><tr><th><p>Device</p></th><th><p>OS</p></th></tr>"
                + "<tr><td><p>Pixel 8</p></td><td><p>Android 14</p></td></tr></tbody></table>";

        assertThat(HtmlToText.convert(html)).isEqualTo("> Quoted line\n\n[image][image: screenshot]\n\n* * *\n\n"
                + "Device | OS\nPixel 8 | Android 14");
    }

    @Test
    void apiWrittenHtml_lxmlWrappedInDivAndNh3Sanitised_readsLikeTheEditorsOwn() {
        String html = "<div><p>First paragraph &amp; more.</p>\n<ul>\n<li>one</li>\n<li>two <a href=\"https://x.example/a\" "
                + "rel=\"noopener noreferrer\">link</a></li>\n</ul>\n<p>Last&nbsp;line</p></div>";

        assertThat(HtmlToText.convert(html)).isEqualTo("First paragraph & more.\n\n- one\n- two link "
                + "(https://x.example/a)\n\nLast line");
    }

    @Test
    void apiWrittenBareText_wrappedInAParagraph_isJustTheText() {
        assertThat(HtmlToText.convert("<p>Reported via API: 5 &lt; 7 &#x1F319;</p>")).isEqualTo(
                "Reported via API: 5 < 7 🌙");
    }

    @Test
    void output_neverContainsTags_evenForScriptsStylesAndUnknownElements() {
        String html = "<div><script>alert(1)</script><style>p{}</style><custom-block data-x=\"1\"><p>Kept "
                + "<span class=\"x\">text</span></p></custom-block><!-- comment --></div>";

        String text = HtmlToText.convert(html);

        assertThat(text).isEqualTo("Kept text");
        assertThat(text).doesNotContain("<", ">", "alert", "comment");
    }

    @Test
    void deeplyNestedHtml_doesNotOverflowTheStack() {
        String html = "<div>".repeat(5000) + "deep" + "</div>".repeat(5000);

        assertThat(HtmlToText.convert(html)).isEqualTo("deep");
    }
}
