package io.calplanebot.core.port.in;

import java.time.Instant;
import java.util.Objects;

/** A full sync that was started: its id and when it was accepted. */
public record SyncTicket(String syncId, Instant acceptedAt) {
    public SyncTicket {
        Objects.requireNonNull(syncId, "sync id");
        Objects.requireNonNull(acceptedAt, "accepted at");
    }
}
