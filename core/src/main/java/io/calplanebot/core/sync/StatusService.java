package io.calplanebot.core.sync;

import io.calplanebot.core.port.in.ConnectionState;
import io.calplanebot.core.port.in.HealthReport;
import io.calplanebot.core.port.in.ReadStatusUseCase;
import io.calplanebot.core.port.in.RunResult;
import io.calplanebot.core.port.in.SyncReport;
import io.calplanebot.core.port.in.SyncState;
import io.calplanebot.core.port.in.SyncStatus;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
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
        Map<String, ConnectionState> targets = record.targetConnections();
        return new HealthReport(state(), record.projectsSynced(), record.eventsCreated(), record.eventsUpdated(),
                record.eventsDeleted(), lastSync, worst(targets.values()), record.issueSourceConnection(), targets);
    }

    /** Unhealthy when any target is; healthy when one is known to be and none is down; unknown otherwise. */
    private static ConnectionState worst(Collection<ConnectionState> states) {
        if (states.contains(ConnectionState.UNHEALTHY)) {
            return ConnectionState.UNHEALTHY;
        }
        return states.contains(ConnectionState.HEALTHY) ? ConnectionState.HEALTHY : ConnectionState.UNKNOWN;
    }

    private SyncState state() {
        if (fullSync.isRunning()) {
            return SyncState.RUNNING;
        }
        Optional<SyncReport> last = record.lastRun();
        return last.isPresent() && last.get().result() != RunResult.SUCCESS ? SyncState.ERROR : SyncState.IDLE;
    }
}
