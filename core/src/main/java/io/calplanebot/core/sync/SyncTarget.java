package io.calplanebot.core.sync;

import io.calplanebot.core.port.out.CalendarStore;

import java.util.Objects;

/**
 * One place the sync writes to: the built-in store, a CalDAV account… Each target gets its own plan, and a target
 * that fails never keeps the others from being written.
 *
 * @param name a short lower-case word that reports, status and metrics show, e.g. {@code builtin}, {@code caldav}
 */
public record SyncTarget(String name, CalendarStore store) {
    public SyncTarget {
        Objects.requireNonNull(name, "target name");
        if (!name.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("a target name is a short lower-case word: '" + name + "'");
        }
        Objects.requireNonNull(store, "calendar store");
    }

    /** The only target of an engine that writes to one store. */
    public static SyncTarget of(CalendarStore store) {
        return new SyncTarget("calendar", store);
    }
}
