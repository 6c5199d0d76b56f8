package io.calplanebot.adapter.caldav;

import java.net.URI;
import java.util.Map;

/**
 * What {@link KnownVersionsFile} keeps for one account: each event resource at its ETag, and each calendar's members
 * at its sync token.
 */
record SyncStatus(Map<URI, KnownVersions.Known> known, Map<URI, ListedCalendar> calendars) {
    static final SyncStatus NONE = new SyncStatus(Map.of(), Map.of());

    SyncStatus {
        known = Map.copyOf(known);
        calendars = Map.copyOf(calendars);
    }
}
