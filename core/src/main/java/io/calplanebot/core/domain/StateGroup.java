package io.calplanebot.core.domain;

import java.util.Locale;

/** Plane's five state groups; every workflow state belongs to one. */
public enum StateGroup {
    BACKLOG, UNSTARTED, STARTED, COMPLETED, CANCELLED;

    /** Whether work on an issue in this group is over (completed or cancelled). */
    public boolean isClosed() {
        return this == COMPLETED || this == CANCELLED;
    }

    /** Parses Plane's lower-case wire value, e.g. {@code "started"}. */
    public static StateGroup fromWire(String value) {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
