package io.calplanebot.adapter.plane.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The items of every page of a listing.
 *
 * @param items  the items in Plane's order, not de-duplicated
 * @param stable false when the pages disagree about the total or the item count does not match it (the data changed
 *               while the pages were fetched, so items may have been skipped)
 */
public record PagedItems(List<JsonNode> items, boolean stable) {
    public PagedItems {
        items = List.copyOf(items);
    }
}
