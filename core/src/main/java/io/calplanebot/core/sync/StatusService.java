package io.calplanebot.core.sync;

import io.calplanebot.core.port.in.HealthReport;
import io.calplanebot.core.port.in.ReadStatusUseCase;
import io.calplanebot.core.port.in.RunResult;
import io.calplanebot.core.port.in.SyncReport;
import io.calplanebot.core.port.in.SyncState;
import io.calplanebot.core.port.in.SyncStatus;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Answers what the service is doing and how it has fared, from the {@link StatusRecord} and the full sync. */
public final class StatusService implements ReadStatusUseCase {
    private final StatusRecord record;
    private final FullSyncService fullSync;

    public StatusService(StatusRecord record, FullSyncService fullSync) {
        this.record = Objects.requireNonNull(record, "record");
        this.fullSync = Objects.requireNonNull(fullSync, "full sync");
    }

    @Override
    public SyncStatus status() {
        return new SyncStatus(state(), record.lastRun(), record.nextRun(), record.pending());
    }

    @Override
    public HealthReport health() {
        Optional<Instant> lastSync = record.lastRun().map(last -> last.startedAt().plus(last.duration()));
        return new HealthReport(state(), record.projectsSynced(), record.eventsCreated(), record.eventsUpdated(),
                record.eventsDeleted(), lastSync, record.issueSourceHealth(), record.targetHealth());
    }

    private SyncState state() {
        if (fullSync.isRunning()) {
            return SyncState.RUNNING;
        }
        Optional<SyncReport> last = record.lastRun();
        return last.isPresent() && last.get().result() != RunResult.SUCCESS ? SyncState.ERROR : SyncState.IDLE;
    }
}
