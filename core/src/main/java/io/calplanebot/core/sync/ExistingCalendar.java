package io.calplanebot.core.sync;

import io.calplanebot.core.domain.CalendarId;

import java.util.Objects;

/** A calendar the store has. */
record ExistingCalendar(CalendarId id) implements CalendarTarget {
    ExistingCalendar {
        Objects.requireNonNull(id, "calendar id");
    }

    @Override
    public String label() {
        return id.value();
    }
}
