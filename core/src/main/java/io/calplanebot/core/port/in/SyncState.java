package io.calplanebot.core.port.in;

import java.util.Locale;

/** What the sync service is doing: {@code idle}, {@code running}, or {@code error} when the last run did not succeed. */
public enum SyncState {
    IDLE, RUNNING, ERROR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
