package io.calplanebot.core.sync;

import io.calplanebot.core.port.out.CalendarStore;

import java.util.Objects;

/**
 * One place the sync writes to: the built-in store, a CalDAV account… Each target gets its own plan, and a target
 * that fails never keeps the others from being written.
 *
 * @param name  a short lower-case word that reports, status and metrics show, e.g. {@code builtin}, {@code caldav}
 * @param local a store on this machine (the built-in store): its writes are quick and made one at a time, so a full
 *              sync writes its events one after another on a thread of its own, at the same time as the other
 *              targets' events, instead of waiting for their turn to end (nor making them wait for its own)
 */
public record SyncTarget(String name, CalendarStore store, boolean local) {
    public SyncTarget {
        Objects.requireNonNull(name, "target name");
        if (!name.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("a target name is a short lower-case word: '" + name + "'");
        }
        Objects.requireNonNull(store, "calendar store");
    }

    /** A store reached over the network, such as a CalDAV server. */
    public SyncTarget(String name, CalendarStore store) {
        this(name, store, false);
    }

    /** A store on this machine, such as the built-in store. */
    public static SyncTarget local(String name, CalendarStore store) {
        return new SyncTarget(name, store, true);
    }

    /** The only target of an engine that writes to one store. */
    public static SyncTarget of(CalendarStore store) {
        return new SyncTarget("calendar", store);
    }
}
