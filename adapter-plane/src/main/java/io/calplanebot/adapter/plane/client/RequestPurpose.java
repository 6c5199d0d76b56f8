package io.calplanebot.adapter.plane.client;

import java.util.Locale;

/** Why a request to Plane is made: what decides its place in the shared budget, and its tag in metrics. */
public enum RequestPurpose {
    /** Reading one issue or project for a webhook change: someone is waiting to see it in the calendar. */
    WEBHOOK(true),
    /** The background check that Plane answers. */
    PROBE(true),
    /** A page of a full sync's listing: it yields part of the budget to the others. */
    FULL_SYNC(false);

    private final boolean urgent;

    RequestPurpose(boolean urgent) {
        this.urgent = urgent;
    }

    /** Whether the request may use the whole budget; the others leave a reserve and wait while an urgent one waits. */
    public boolean urgent() {
        return urgent;
    }

    /** The metric tag, e.g. {@code full_sync}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
