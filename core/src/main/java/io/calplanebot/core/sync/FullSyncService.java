package io.calplanebot.core.sync;

import io.calplanebot.core.port.in.RunFullSyncUseCase;
import io.calplanebot.core.port.in.RunSyncCommand;
import io.calplanebot.core.port.in.SyncInProgressException;
import io.calplanebot.core.port.in.SyncReport;
import io.calplanebot.core.port.in.SyncTicket;
import io.calplanebot.core.domain.state.LeaseGrant;
import io.calplanebot.core.port.out.SyncLease;
import io.calplanebot.core.port.out.SyncListener;
import io.calplanebot.core.port.out.TaskScheduler;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Mirrors every project into its calendar: lists each project's issues, plans each calendar with the
 * {@link SyncPlanner} and applies the plan with the {@link SyncExecutor}. One full sync at a time, across every
 * replica sharing the state store: a run holds the {@link SyncLease}, renewed while it runs, and another that finds
 * it held is refused. A run keeps the runtime it started with to its end.
 */
public final class FullSyncService implements RunFullSyncUseCase {
    private final RuntimeHolder runtime;
    private final IssueLocks locks;
    private final SyncListener listener;
    private final Clock clock;
    private final Executor background;
    private final SyncLease lease;
    private final TaskScheduler renewals;
    private final Duration leasePeriod;
    private final AtomicReference<String> runningSyncId = new AtomicReference<>();
    private final ChangeMemory memory;
    private final Writers writers;

    /**
     * @param locks      shared with the other writers, so that no two write one event at once
     * @param listener   hears the run's start, every action and its report
     * @param background runs triggered syncs
     * @param lease       held by the one full sync running across replicas
     * @param renewals    renews the lease while a run holds it
     * @param leasePeriod how long the lease holds unless renewed: a replica that died lets it go after this
     */
    public FullSyncService(RuntimeHolder runtime, IssueLocks locks, SyncListener listener, Clock clock,
                           Executor background, SyncLease lease, TaskScheduler renewals, Duration leasePeriod) {
        this(runtime, locks, listener, clock, background, lease, renewals, leasePeriod, ChangeMemory.standalone(),
                Writers.SEQUENTIAL);
    }

    /**
     * @param memory  shared with the webhook changes: the projects read, what they wrote, what was applied
     * @param writers where each calendar's writes are carried out, and how many at once
     */
    FullSyncService(RuntimeHolder runtime, IssueLocks locks, SyncListener listener, Clock clock,
                    Executor background, SyncLease lease, TaskScheduler renewals, Duration leasePeriod,
                    ChangeMemory memory, Writers writers) {
        this.memory = Objects.requireNonNull(memory, "memory");
        this.writers = Objects.requireNonNull(writers, "writers");
        this.lease = Objects.requireNonNull(lease, "lease");
        this.renewals = Objects.requireNonNull(renewals, "renewals");
        this.leasePeriod = Objects.requireNonNull(leasePeriod, "lease period");
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.background = Objects.requireNonNull(background, "background executor");
    }

    @Override
    public SyncReport runFullSync(RunSyncCommand command) {
        Held held = acquire();
        return runAcquired(held, command);
    }

    @Override
    public SyncTicket triggerFullSync(RunSyncCommand command) {
        Held held = acquire();
        SyncTicket ticket = new SyncTicket(held.syncId, clock.instant());
        try {
            background.execute(() -> runAcquired(held, command));
        } catch (RuntimeException e) {
            held.release();
            throw e;
        }
        return ticket;
    }

    /** Whether a full sync of this process is running now. */
    public boolean isRunningHere() {
        return runningSyncId.get() != null;
    }

    /** Whether a full sync is running now, here or on another replica (asks the state store). */
    public boolean isRunning() {
        if (isRunningHere()) {
            return true;
        }
        try {
            return lease.current(clock.instant()).isPresent();
        } catch (RuntimeException stateUnreachable) {
            return false;
        }
    }

    private Held acquire() {
        String syncId = UUID.randomUUID().toString();
        if (!runningSyncId.compareAndSet(null, syncId)) {
            throw new SyncInProgressException(String.valueOf(runningSyncId.get()));
        }
        Optional<LeaseGrant> grant;
        try {
            grant = lease.tryAcquire(syncId, clock.instant(), leasePeriod);
        } catch (RuntimeException e) {
            runningSyncId.set(null);
            throw e;
        }
        if (grant.isEmpty()) {
            runningSyncId.set(null);
            throw new SyncInProgressException(lease.current(clock.instant()).map(LeaseGrant::holder)
                    .orElse("(another replica)"));
        }
        return new Held(syncId, grant.get());
    }

    private SyncReport runAcquired(Held held, RunSyncCommand command) {
        String syncId = held.syncId;
        held.renewEvery(leasePeriod.dividedBy(3));
        try (RuntimeHolder.Lease lease = runtime.acquire()) {
            listener.syncStarted(syncId, command.dryRun());
            FullSyncRun run = new FullSyncRun(syncId, command, lease.runtime(), locks, listener, clock, memory,
                    writers);
            SyncReport report;
            try {
                report = run.run();
            } catch (RuntimeException e) {
                report = run.stoppedBy(e);
            }
            listener.syncFinished(report);
            return report;
        } finally {
            held.release();
        }
    }

    /** A full sync's hold on the lease, renewed until it is released. */
    private final class Held {
        final String syncId;
        private LeaseGrant grant;
        private TaskScheduler.Cancellable renewal;
        private boolean released;

        Held(String syncId, LeaseGrant grant) {
            this.syncId = syncId;
            this.grant = grant;
        }

        synchronized void renewEvery(Duration interval) {
            if (!released) {
                renewal = renewals.schedule(interval, () -> {
                    renew();
                    renewEvery(interval);
                });
            }
        }

        private synchronized void renew() {
            if (released) {
                return;
            }
            try {
                lease.renew(grant, clock.instant(), leasePeriod).ifPresent(renewed -> grant = renewed);
            } catch (RuntimeException stateUnreachable) {
                // Tried again at the next renewal; the lease holds until its expiry meanwhile.
            }
        }

        synchronized void release() {
            released = true;
            if (renewal != null) {
                renewal.cancel();
            }
            try {
                lease.release(grant, clock.instant());
            } catch (RuntimeException stateUnreachable) {
                // The lease runs out by itself.
            } finally {
                runningSyncId.set(null);
            }
        }
    }
}
