package io.calplanebot.adapter.caldav;

import java.net.URI;
import java.util.Objects;

/** A calendar collection in the calendar home, with its display name (empty when it has none). */
record CalendarInfo(URI href, String displayName) {
    CalendarInfo {
        Objects.requireNonNull(href, "href");
        Objects.requireNonNull(displayName, "display name");
    }
}
