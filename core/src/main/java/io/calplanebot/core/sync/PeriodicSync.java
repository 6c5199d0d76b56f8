package io.calplanebot.core.sync;

import io.calplanebot.core.port.in.RunFullSyncUseCase;
import io.calplanebot.core.port.in.RunSyncCommand;
import io.calplanebot.core.port.in.SyncInProgressException;
import io.calplanebot.core.port.out.SyncLease;
import io.calplanebot.core.port.out.SyncListener;
import io.calplanebot.core.port.out.TaskScheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs the periodic full sync: the first at start, then one interval after each run ends. Reads the schedule
 * afresh each time, so a changed configuration applies from the next run; the listener hears when the next run is
 * due. A run that finds another sync running is skipped, not queued. With replicas sharing the state store, a
 * scheduled run (not the one at start) is also skipped when another replica finished a full sync less than half an
 * interval ago: the next is planned one interval after that one.
 */
public final class PeriodicSync implements AutoCloseable {
    private final RunFullSyncUseCase sync;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final SyncListener listener;
    private final Supplier<SyncSchedule> schedule;
    private final SyncLease lease;
    private TaskScheduler.Cancellable next;
    private boolean started;
    private boolean closed;

    public PeriodicSync(RunFullSyncUseCase sync, TaskScheduler scheduler, Clock clock, SyncListener listener,
                        Supplier<SyncSchedule> schedule, SyncLease lease) {
        this.lease = Objects.requireNonNull(lease, "lease");
        this.sync = Objects.requireNonNull(sync, "sync");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
    }

    /** Schedules the first run now (when the periodic sync is enabled). */
    public synchronized void start() {
        scheduleIn(Duration.ZERO);
    }

    /** Re-plans the next run after the schedule changed: one new interval from now. */
    public synchronized void scheduleChanged() {
        scheduleIn(schedule.get().interval());
    }

    private synchronized void scheduleIn(Duration delay) {
        if (next != null) {
            next.cancel();
            next = null;
        }
        if (closed || !schedule.get().enabled()) {
            listener.nextRunScheduled(Optional.empty());
            return;
        }
        listener.nextRunScheduled(Optional.of(clock.instant().plus(delay)));
        next = scheduler.schedule(delay, this::runOnce);
    }

    private void runOnce() {
        SyncSchedule now = schedule.get();
        Optional<Instant> recent = started ? recentRunElsewhere(now.interval()) : Optional.empty();
        started = true;
        if (recent.isPresent()) {
            Duration wait = Duration.between(clock.instant(), recent.get().plus(now.interval()));
            scheduleIn(wait.isNegative() ? Duration.ZERO : wait);
            return;
        }
        try {
            sync.runFullSync(new RunSyncCommand(Set.of(), now.forceDelete(), false));
        } catch (SyncInProgressException e) {
            // Another sync is running: it does this run's work.
        } catch (RuntimeException e) {
            // The run's own report carries its failures; anything else must not stop the schedule.
        }
        scheduleIn(schedule.get().interval());
    }

    private Optional<Instant> recentRunElsewhere(Duration interval) {
        try {
            Instant cutoff = clock.instant().minus(interval.dividedBy(2));
            return lease.lastFinished().filter(finished -> finished.isAfter(cutoff));
        } catch (RuntimeException stateUnreachable) {
            return Optional.empty();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (next != null) {
            next.cancel();
            next = null;
        }
        listener.nextRunScheduled(Optional.empty());
    }
}
