package io.calplanebot.adapter.caldav;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What discovery found: the calendar home where project calendars go, or one calendar that every project
 * shares (when the configured URL was a calendar).
 */
record CalDavLocation(URI home, Optional<URI> singleCalendar) {
    CalDavLocation {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(singleCalendar, "single calendar");
    }

    static CalDavLocation home(URI home) {
        return new CalDavLocation(home, Optional.empty());
    }

    static CalDavLocation calendar(URI calendar) {
        return new CalDavLocation(calendar, Optional.of(calendar));
    }

    /** The collection a connection check looks at. */
    URI entryPoint() {
        return singleCalendar.orElse(home);
    }
}
