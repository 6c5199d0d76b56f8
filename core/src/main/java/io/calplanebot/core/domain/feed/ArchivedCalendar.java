package io.calplanebot.core.domain.feed;

import io.calplanebot.core.domain.CalendarId;

import java.util.Objects;

/** One calendar of an archive, with the name people see (e.g. {@code Plane: Mobile}). */
public record ArchivedCalendar(CalendarId id, String name) {
    public ArchivedCalendar {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
