package io.calplanebot.adapter.plane.html;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns Plane's {@code description_html} into readable plain text: paragraphs separated by a blank line, line
 * breaks, bullet, numbered and task lists (indented when nested), code blocks kept verbatim, block quotes with
 * {@code > }, table rows with {@code |} between cells, links as {@code text (url)}, images as {@code [image]},
 * mentions as {@code @name}, entities decoded. No tag ever reaches the output.
 *
 * <p>It reads both forms Plane stores: the web editor's (tiptap: {@code <p class="editor-paragraph-block">},
 * {@code <ul data-type="taskList">}, {@code <mention-component>}, {@code <image-component>}) and the API's
 * (lxml-normalised, so several blocks come wrapped in a {@code <div>}, then nh3-sanitised).
 */
public final class HtmlToText {
    private static final Set<String> PARAGRAPHS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "section",
            "article", "header", "footer", "figure", "figcaption", "details", "summary", "dl", "dd", "dt", "address");
    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "template", "input", "button",
            "svg", "noscript", "iframe", "object", "select", "textarea");

    /**
     * Texts of the descriptions converted last, by their HTML: a full sync and the webhooks of a busy issue convert
     * the same descriptions again and again. Only texts that named no user from {@code userNames} are kept, since
     * those names may change.
     */
    private static final RecentTexts RECENT = new RecentTexts(4096);

    private HtmlToText() {
    }

    /** Converts with no way to name mentioned users (they read {@code @user} unless the HTML names them). */
    public static String convert(String html) {
        return convert(html, id -> Optional.empty());
    }

    /**
     * Converts {@code html}.
     *
     * @param userNames display names of users by id, for mentions that carry only an id
     */
    public static String convert(String html, Function<String, Optional<String>> userNames) {
        if (html == null || html.isBlank()) {
            return "";
        }
        String simple = SimpleParagraphs.text(html);
        if (simple != null) {
            return simple; // cheaper than the lookup below, and never kept there
        }
        Optional<String> known = RECENT.get(html);
        return known.isPresent() ? known.get() : convertParsed(html, userNames);
    }

    /** Converts through jsoup's HTML parser, whatever the HTML. */
    static String convertParsed(String html, Function<String, Optional<String>> userNames) {
        boolean[] askedForNames = {false};
        Element body = Jsoup.parseBodyFragment(html).body();
        Converter converter = new Converter(id -> {
            askedForNames[0] = true;
            return userNames.apply(id);
        });
        NodeTraversor.filter(converter, body);
        String text = converter.out.result();
        if (!askedForNames[0]) { // the text depends on the HTML alone: the same description is not parsed again
            RECENT.put(html, text);
        }
        return text;
    }

    /** Text outside {@code <pre>}: runs of HTML white space become one space, as do no-break spaces. */
    static String flowing(String raw) {
        return raw.replaceAll("[ \\t\\n\\r\\f]+", " ").replace('\u00a0', ' ');
    }

    /** Walks the tree once; head and tail of each element write to the {@link PlainTextWriter}. */
    private static final class Converter implements NodeFilter {
        private final PlainTextWriter out = new PlainTextWriter();
        private final Function<String, Optional<String>> userNames;
        private final Deque<int[]> listCounters = new ArrayDeque<>();
        private final Deque<Boolean> orderedLists = new ArrayDeque<>();
        private int preDepth;
        private int itemDepth;
        private int cellDepth;
        private int cellIndex;

        Converter(Function<String, Optional<String>> userNames) {
            this.userNames = userNames;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode) {
                text(((TextNode) node).getWholeText());
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element)) {
                return FilterResult.CONTINUE;
            }
            Element element = (Element) node;
            String tag = element.normalName();
            if (SKIPPED.contains(tag)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (tag.equals("mention-component") || "mention".equals(element.attr("data-type"))) {
                out.text("@" + mentionName(element));
                return FilterResult.SKIP_ENTIRELY;
            }
            if (tag.equals("img") || tag.equals("image-component")) {
                String alt = element.attr("alt").strip();
                out.text(alt.isEmpty() ? "[image]" : "[image: " + alt + "]");
                return FilterResult.SKIP_ENTIRELY;
            }
            if (tag.equals("a")) {
                return link(element);
            }
            openElement(tag, element);
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element) {
                closeElement((Element) node);
            }
            return FilterResult.CONTINUE;
        }

        private void text(String raw) {
            if (preDepth > 0) {
                out.verbatim(raw.replace('\u00a0', ' '));
            } else {
                out.text(flowing(raw));
            }
        }

        private void openElement(String tag, Element element) {
            if (cellDepth > 0 && !tag.equals("br")) {
                return;
            }
            switch (tag) {
                case "br":
                    out.hardBreak();
                    break;
                case "pre":
                    out.blockBoundary();
                    preDepth++;
                    break;
                case "blockquote":
                    out.blockBoundary();
                    out.pushIndent("> ");
                    break;
                case "hr":
                    out.blockBoundary();
                    out.text("* * *");
                    out.blockBoundary();
                    break;
                case "ul":
                case "ol":
                    openList(tag.equals("ol"), element);
                    break;
                case "li":
                    openItem(element);
                    break;
                case "table":
                    out.blockBoundary();
                    break;
                case "tr":
                    out.lineBreak();
                    cellIndex = 0;
                    break;
                case "td":
                case "th":
                    if (cellIndex++ > 0) {
                        out.text(" | ");
                    }
                    cellDepth++;
                    break;
                default:
                    if (PARAGRAPHS.contains(tag)) {
                        paragraphBoundary();
                    }
            }
        }

        private void closeElement(Element element) {
            String tag = element.normalName();
            if (tag.equals("a")) {
                closeLink(element);
                return;
            }
            if (tag.equals("td") || tag.equals("th")) {
                cellDepth--;
                return;
            }
            if (cellDepth > 0) {
                return;
            }
            switch (tag) {
                case "pre":
                    preDepth--;
                    out.blockBoundary();
                    break;
                case "blockquote":
                    out.lineBreak();
                    out.popIndent();
                    out.blockBoundary();
                    break;
                case "ul":
                case "ol":
                    listCounters.pop();
                    orderedLists.pop();
                    if (itemDepth == 0) {
                        out.blockBoundary();
                    } else {
                        out.lineBreak();
                    }
                    break;
                case "li":
                    itemDepth--;
                    out.endItem();
                    break;
                case "table":
                case "tr":
                    out.lineBreak();
                    if (tag.equals("table")) {
                        out.blockBoundary();
                    }
                    break;
                default:
                    if (PARAGRAPHS.contains(tag)) {
                        paragraphBoundary();
                    }
            }
        }

        private void paragraphBoundary() {
            if (itemDepth > 0 || preDepth > 0) {
                out.lineBreak();
            } else {
                out.blockBoundary();
            }
        }

        private void openList(boolean ordered, Element element) {
            if (itemDepth == 0) {
                out.blockBoundary();
            } else {
                out.lineBreak();
            }
            int start = 1;
            try {
                start = element.hasAttr("start") ? Integer.parseInt(element.attr("start").strip()) : 1;
            } catch (NumberFormatException e) {
                start = 1;
            }
            listCounters.push(new int[] {start});
            orderedLists.push(ordered);
        }

        private void openItem(Element element) {
            String marker;
            if (element.hasAttr("data-checked")) {
                marker = "true".equalsIgnoreCase(element.attr("data-checked")) ? "[x] " : "[ ] ";
            } else if (!orderedLists.isEmpty() && orderedLists.peek()) {
                marker = listCounters.peek()[0]++ + ". ";
            } else {
                marker = "- ";
            }
            itemDepth++;
            out.item(marker);
        }

        private FilterResult link(Element element) {
            String label = element.text().strip();
            String href = element.attr("href").strip();
            if (label.isEmpty()) {
                if (showable(href)) {
                    out.text(href);
                }
                return FilterResult.SKIP_ENTIRELY;
            }
            return FilterResult.CONTINUE;
        }

        private void closeLink(Element element) {
            String href = element.attr("href").strip();
            String label = element.text().strip();
            if (showable(href) && !sameAddress(label, href)) {
                out.text(" (" + href + ")");
            }
        }

        private static boolean showable(String href) {
            String lower = href.toLowerCase(Locale.ROOT);
            return !href.isEmpty() && !lower.startsWith("#") && !lower.startsWith("javascript:")
                    && !lower.startsWith("data:");
        }

        private static boolean sameAddress(String label, String href) {
            return bare(label).equals(bare(href));
        }

        private static String bare(String address) {
            String value = address.toLowerCase(Locale.ROOT).replaceFirst("^(mailto:|https?://)", "");
            return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        }

        private String mentionName(Element element) {
            String text = element.text().strip();
            if (!text.isEmpty()) {
                return text.startsWith("@") ? text.substring(1) : text;
            }
            for (String attribute : new String[] {"label", "data-label"}) {
                if (!element.attr(attribute).isBlank()) {
                    return element.attr(attribute).strip();
                }
            }
            for (String attribute : new String[] {"entity_identifier", "data-id", "id"}) {
                String id = element.attr(attribute).strip();
                if (!id.isEmpty()) {
                    Optional<String> name = userNames.apply(id);
                    if (name.isPresent()) {
                        return name.get();
                    }
                }
            }
            return "user";
        }
    }
}
