package io.calplanebot.core.sync;

import io.calplanebot.core.port.in.RunFullSyncUseCase;
import io.calplanebot.core.port.in.RunSyncCommand;
import io.calplanebot.core.port.in.SyncInProgressException;
import io.calplanebot.core.port.in.SyncReport;
import io.calplanebot.core.port.in.SyncTicket;
import io.calplanebot.core.port.out.SyncListener;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Mirrors every project into its calendar: lists each project's issues, plans each calendar with the
 * {@link SyncPlanner} and applies the plan with the {@link SyncExecutor}. One full sync at a time; a run keeps the
 * runtime it started with to its end.
 */
public final class FullSyncService implements RunFullSyncUseCase {
    private final RuntimeHolder runtime;
    private final IssueLocks locks;
    private final SyncListener listener;
    private final Clock clock;
    private final Executor background;
    private final AtomicReference<String> runningSyncId = new AtomicReference<>();

    /**
     * @param locks      shared with the other writers, so that no two write one event at once
     * @param listener   hears the run's start, every action and its report
     * @param background runs triggered syncs
     */
    public FullSyncService(RuntimeHolder runtime, IssueLocks locks, SyncListener listener, Clock clock,
                           Executor background) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.background = Objects.requireNonNull(background, "background executor");
    }

    @Override
    public SyncReport runFullSync(RunSyncCommand command) {
        String syncId = acquire();
        return runAcquired(syncId, command);
    }

    @Override
    public SyncTicket triggerFullSync(RunSyncCommand command) {
        String syncId = acquire();
        SyncTicket ticket = new SyncTicket(syncId, clock.instant());
        try {
            background.execute(() -> runAcquired(syncId, command));
        } catch (RuntimeException e) {
            runningSyncId.set(null);
            throw e;
        }
        return ticket;
    }

    /** Whether a full sync is running now. */
    public boolean isRunning() {
        return runningSyncId.get() != null;
    }

    private String acquire() {
        String syncId = UUID.randomUUID().toString();
        if (!runningSyncId.compareAndSet(null, syncId)) {
            throw new SyncInProgressException(String.valueOf(runningSyncId.get()));
        }
        return syncId;
    }

    private SyncReport runAcquired(String syncId, RunSyncCommand command) {
        try (RuntimeHolder.Lease lease = runtime.acquire()) {
            listener.syncStarted(syncId, command.dryRun());
            FullSyncRun run = new FullSyncRun(syncId, command, lease.runtime(), locks, listener, clock);
            SyncReport report;
            try {
                report = run.run();
            } catch (RuntimeException e) {
                report = run.stoppedBy(e);
            }
            listener.syncFinished(report);
            return report;
        } finally {
            runningSyncId.set(null);
        }
    }
}
