package io.calplanebot.core.port.in;

import java.util.Objects;
import java.util.Optional;
import java.time.Instant;

/**
 * The sync service's status.
 *
 * @param lastRun         the last full sync this process finished
 * @param nextRun         when the next periodic full sync is due, if one is scheduled
 * @param queueLength     webhook changes accepted and not yet applied
 * @param lastRecordedRun the last full sync that finished on any replica, also before a restart (as kept by the
 *                        state store): what the status shows
 */
public record SyncStatus(SyncState state, Optional<SyncReport> lastRun, Optional<Instant> nextRun, int queueLength,
                         Optional<RecordedRun> lastRecordedRun) {
    public SyncStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastRun, "last run");
        Objects.requireNonNull(nextRun, "next run");
        Objects.requireNonNull(lastRecordedRun, "last recorded run");
    }

    /** A status whose last recorded run is this process's last run. */
    public SyncStatus(SyncState state, Optional<SyncReport> lastRun, Optional<Instant> nextRun, int queueLength) {
        this(state, lastRun, nextRun, queueLength, lastRun.map(RecordedRun::of));
    }
}
