package io.calplanebot.core.sync;

import java.util.Objects;

/** A calendar that does not exist yet: a dry run plans into it, and a real run would create it first. */
record MissingCalendar(String name) implements CalendarTarget {
    MissingCalendar {
        Objects.requireNonNull(name, "calendar name");
    }

    @Override
    public String label() {
        return "(new) " + name;
    }
}
