package io.calplanebot.core.port.in;

import java.util.Locale;

/** Whether a peer (the issue tracker or the calendar server) answered its last check. */
public enum ConnectionState {
    HEALTHY, UNHEALTHY, UNKNOWN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
