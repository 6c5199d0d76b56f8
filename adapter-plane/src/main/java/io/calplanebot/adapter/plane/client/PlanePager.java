package io.calplanebot.adapter.plane.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.calplanebot.core.port.out.IssueSourceException;
import io.calplanebot.core.port.out.IssueSourceException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads every page of a Plane listing. Plane's rules (plane-api.md section 4): the same {@code per_page} must be
 * sent with every cursor (the page size inside the cursor is ignored), {@code next_cursor} is never null, and the
 * last page is the one with {@code next_page_results == false}. A failure on any page fails the whole listing.
 */
public final class PlanePager {
    private static final Logger LOG = LoggerFactory.getLogger(PlanePager.class);
    private static final int MAX_PAGES = 100_000;

    /** The page size used when Plane refuses a larger one without saying its limit. */
    static final int FALLBACK_PER_PAGE = 100;
    private static final Pattern CAP = Pattern.compile("(?i)per_page.*?exceed\\D*(\\d{1,6})\\b");

    private final PlaneClient client;
    private volatile int perPage;

    public PlanePager(PlaneClient client, int perPage) {
        this.client = client;
        this.perPage = perPage;
    }

    /** The page size sent now: the configured one, or what Plane said is its largest. */
    public int perPage() {
        return perPage;
    }

    /** Every item of every page, in Plane's order (not de-duplicated). */
    public List<JsonNode> all(String path, Map<String, String> query, RequestSubject subject) {
        return pages(path, query, subject).items();
    }

    /**
     * Every item of every page, and whether the listing was stable: Plane pages by offset, so an item created or
     * deleted between two page requests shifts the pages (a duplicate or a gap). A listing is stable when every page
     * reported the same {@code total_count} and that many items came back.
     */
    public PagedItems pages(String path, Map<String, String> query, RequestSubject subject) {
        try {
            return read(path, query, subject);
        } catch (IssueSourceException e) {
            int smaller = smallerPageSize(e);
            if (smaller <= 0) {
                throw e;
            }
            LOG.warn("Plane refused per_page={} ({}); using per_page={} from now on", perPage, e.getMessage(),
                    smaller);
            perPage = smaller;
            return read(path, query, subject);
        }
    }

    /**
     * When Plane refused the page size (a server that caps it lower than Plane's own 1000: {@code "Invalid per_page
     * value. Cannot exceed N."}), the size to use instead; 0 when the failure is something else.
     */
    private int smallerPageSize(IssueSourceException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e.reason() != Reason.INVALID_RESPONSE || !message.contains("per_page")) {
            return 0;
        }
        Matcher cap = CAP.matcher(message);
        int limit = cap.find() ? Integer.parseInt(cap.group(1)) : 0;
        int smaller = limit >= 1 && limit < perPage ? limit : Math.min(FALLBACK_PER_PAGE, perPage / 2);
        return smaller < perPage ? smaller : 0;
    }

    private PagedItems read(String path, Map<String, String> query, RequestSubject subject) {
        int perPage = this.perPage;
        List<JsonNode> items = new ArrayList<>();
        Set<Long> totals = new HashSet<>();
        Set<String> cursorsSeen = new HashSet<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, String> pageQuery = new LinkedHashMap<>(query);
            pageQuery.put("per_page", Integer.toString(perPage));
            if (cursor != null) {
                pageQuery.put("cursor", cursor);
            }
            JsonNode body = client.get(path, pageQuery, subject, RequestPurpose.FULL_SYNC);
            JsonNode results = body.get("results");
            if (results == null || !results.isArray()) {
                throw invalid(path, "a page without a \"results\" list");
            }
            results.forEach(items::add);
            JsonNode total = body.get("total_count");
            totals.add(total != null && total.canConvertToLong() ? total.asLong() : -1L);
            LOG.debug("GET {} page {}: {} items", path, page, results.size());
            JsonNode more = body.get("next_page_results");
            boolean hasMore = more != null && more.isBoolean() ? more.asBoolean() : results.size() >= perPage;
            if (!hasMore) {
                boolean stable = totals.size() == 1 && (totals.contains(-1L) || totals.contains((long) items.size()));
                return new PagedItems(items, stable);
            }
            JsonNode next = body.get("next_cursor");
            if (next == null || !next.isTextual() || next.asText().isBlank()) {
                throw invalid(path, "a page that announces more results but has no next_cursor");
            }
            cursor = next.asText();
            if (!cursorsSeen.add(cursor)) {
                throw invalid(path, "the same next_cursor twice (" + cursor + ")");
            }
        }
        throw invalid(path, "more than " + MAX_PAGES + " pages");
    }

    private static IssueSourceException invalid(String path, String what) {
        return new IssueSourceException(Reason.INVALID_RESPONSE, "Plane answered GET " + path + " with " + what
                + "; the listing was abandoned rather than returned incomplete.");
    }
}
