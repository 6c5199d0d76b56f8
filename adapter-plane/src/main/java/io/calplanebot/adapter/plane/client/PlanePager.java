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

/**
 * Reads every page of a Plane listing. Plane's rules (plane-api.md section 4): the same {@code per_page} must be
 * sent with every cursor (the page size inside the cursor is ignored), {@code next_cursor} is never null, and the
 * last page is the one with {@code next_page_results == false}. A failure on any page fails the whole listing.
 */
public final class PlanePager {
    private static final Logger LOG = LoggerFactory.getLogger(PlanePager.class);
    private static final int MAX_PAGES = 100_000;

    private final PlaneClient client;
    private final int perPage;

    public PlanePager(PlaneClient client, int perPage) {
        this.client = client;
        this.perPage = perPage;
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
            JsonNode body = client.get(path, pageQuery, subject);
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
