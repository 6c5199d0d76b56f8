package io.calplanebot.core.port.out;

/** The two systems the service talks to. */
public enum Peer {
    /** The issue tracker (Plane). */
    ISSUE_SOURCE,
    /** The calendar server. */
    CALENDAR_STORE
}
