package io.calplanebot.core.domain;

import java.util.Objects;

/** A stored event together with the calendar it was found in. */
public record LocatedEvent(CalendarId calendar, StoredEvent stored) {
    public LocatedEvent {
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(stored, "stored event");
    }
}
