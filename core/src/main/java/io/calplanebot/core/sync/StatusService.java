package io.calplanebot.core.sync;

import io.calplanebot.core.port.in.HealthReport;
import io.calplanebot.core.port.in.ReadStatusUseCase;
import io.calplanebot.core.port.in.RecordedRun;
import io.calplanebot.core.port.in.RunResult;
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
        Optional<RecordedRun> recorded = record.lastRecordedRun();
        return new SyncStatus(state(recorded), record.lastRun(), record.nextRun(), record.pending(), recorded);
    }

    @Override
    public HealthReport health() {
        Optional<RecordedRun> recorded = record.lastRecordedRun();
        Optional<Instant> lastSync = recorded.map(RecordedRun::finishedAt);
        return new HealthReport(state(recorded), record.projectsSynced(), record.eventsCreated(), record.eventsUpdated(),
                record.eventsDeleted(), lastSync, record.issueSourceHealth(), record.targetHealth());
    }

    private SyncState state(Optional<RecordedRun> last) {
        if (fullSync.isRunningHere() || record.syncRunningElsewhere()) {
            return SyncState.RUNNING;
        }
        return last.isPresent() && last.get().result() != RunResult.SUCCESS ? SyncState.ERROR : SyncState.IDLE;
    }
}
