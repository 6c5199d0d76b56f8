package io.calplanebot.core.port.in;

import java.util.Objects;
import java.util.Optional;
import java.time.Instant;

/**
 * The sync service's status.
 *
 * @param lastRun     the last finished full sync
 * @param nextRun     when the next periodic full sync is due, if one is scheduled
 * @param queueLength webhook changes accepted and not yet applied
 */
public record SyncStatus(SyncState state, Optional<SyncReport> lastRun, Optional<Instant> nextRun, int queueLength) {
    public SyncStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastRun, "last run");
        Objects.requireNonNull(nextRun, "next run");
    }
}
