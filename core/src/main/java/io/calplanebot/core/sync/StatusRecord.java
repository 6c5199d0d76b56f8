package io.calplanebot.core.sync;

import io.calplanebot.core.domain.webhook.WebhookNotification;
import io.calplanebot.core.port.in.ActionOutcome;
import io.calplanebot.core.port.in.ChangeResult;
import io.calplanebot.core.port.in.OutcomeKind;
import io.calplanebot.core.port.in.PeerHealth;
import io.calplanebot.core.port.in.ProjectResult;
import io.calplanebot.core.port.in.RecordedRun;
import io.calplanebot.core.port.in.SyncReport;
import io.calplanebot.core.port.out.SyncListener;
import io.calplanebot.core.domain.state.LeaseGrant;
import io.calplanebot.core.port.out.StateStore;
import io.calplanebot.core.port.out.SyncLease;
import io.calplanebot.core.port.out.SyncRunLog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What the service has done since it started, as the full sync, the change pipeline and the scheduler report it:
 * the last run, the event counters, the next run, the pending changes and what each peer last showed. Lives outside
 * the runtime, so a reload keeps it.
 */
public final class StatusRecord implements SyncListener {
    private final RuntimeHolder runtime;
    private final Clock clock;
    private final SyncRunLog runs;
    private final SyncLease lease;
    private volatile boolean sharedInMemory;
    private volatile Optional<RecordedRun> sharedLastRun = Optional.empty();
    private volatile Optional<String> sharedLeaseHolder = Optional.empty();
    private final ConnectionMonitor sourceHealth = new ConnectionMonitor();
    private final Map<String, ConnectionMonitor> targetHealth = new ConcurrentHashMap<>();
    private final Set<String> projectsSynced = ConcurrentHashMap.newKeySet();
    private final AtomicLong eventsCreated = new AtomicLong();
    private final AtomicLong eventsUpdated = new AtomicLong();
    private final AtomicLong eventsDeleted = new AtomicLong();
    private volatile SyncReport lastRun;
    private volatile Instant nextRun;
    private volatile int pending;

    /**
     * @param runtime whose peers {@link #probeStale} probes when no real request told how they are doing
     * @param state   where finished runs are kept beyond this process, and the full-sync lease of all replicas
     */
    public StatusRecord(RuntimeHolder runtime, Clock clock, StateStore state) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.runs = Objects.requireNonNull(state, "state").syncRuns();
        this.lease = state.syncLease();
    }

    /**
     * Reads what the state store shares (the last run of any replica, who holds the full-sync lease) into memory.
     * Once this has run, status and health answer from memory and never wait on the store (PostgreSQL is a peer too);
     * the background probes call it every second. When the store does not answer, the previous view stays.
     */
    void refreshShared() {
        try {
            sharedLastRun = runs.last();
            sharedLeaseHolder = lease.current(clock.instant()).map(LeaseGrant::holder);
        } catch (RuntimeException stateUnreachable) {
            // the view stays as it was
        }
        sharedInMemory = true;
    }

    /** Whether a full sync of another process (or replica) holds the lease, as far as this record knows. */
    boolean syncRunningElsewhere() {
        Optional<String> holder;
        if (sharedInMemory) {
            holder = sharedLeaseHolder;
        } else {
            try {
                holder = lease.current(clock.instant()).map(LeaseGrant::holder);
            } catch (RuntimeException stateUnreachable) {
                holder = Optional.empty();
            }
        }
        SyncReport own = lastRun;
        return holder.isPresent() && (own == null || !holder.get().equals(own.syncId()));
    }

    @Override
    public void syncFinished(SyncReport report) {
        if (report.dryRun()) {
            return;
        }
        lastRun = report;
        try {
            runs.record(RecordedRun.of(report));
        } catch (RuntimeException stateUnreachable) {
            // The status still shows the run from memory; the next run is kept again.
        }
        for (ProjectResult project : report.projects()) {
            if (project.ok()) {
                projectsSynced.add(project.projectId());
            }
        }
        count(report.outcomes());
    }

    @Override
    public void changeApplied(WebhookNotification notification, ChangeResult result) {
        count(result.outcomes());
    }

    @Override
    public void issueSourceObserved(Optional<String> problem) {
        sourceHealth.observed(clock.instant(), problem);
    }

    @Override
    public void targetObserved(String target, Optional<String> problem) {
        monitorOf(target).observed(clock.instant(), problem);
    }

    private ConnectionMonitor monitorOf(String target) {
        return targetHealth.computeIfAbsent(target, name -> new ConnectionMonitor());
    }

    /**
     * Probes, one after the other in the calling thread, each peer of the current runtime that nothing told about
     * within {@code interval}: one attempt each, giving up after about {@code timeout}.
     */
    void probeStale(Duration interval, Duration timeout) {
        if (sourceHealth.staleAt(clock.instant(), interval)) {
            probe(sourceHealth, rt -> rt.issues().checkConnection(timeout));
        }
        for (SyncTarget target : runtime.peek().targets()) {
            ConnectionMonitor monitor = monitorOf(target.name());
            if (monitor.staleAt(clock.instant(), interval)) {
                probe(monitor, rt -> rt.target(target.name()).ifPresent(t -> t.store().checkConnection(timeout)));
            }
        }
    }

    private void probe(ConnectionMonitor monitor, Consumer<SyncRuntime> check) {
        Instant started = clock.instant();
        Optional<String> problem;
        try {
            runtime.use(rt -> {
                check.accept(rt);
                return null;
            });
            problem = Optional.empty();
        } catch (RuntimeException e) {
            problem = PeerProblems.ofProbe(e);
        }
        monitor.probed(started, clock.instant(), problem);
    }

    @Override
    public void nextRunScheduled(Optional<Instant> when) {
        nextRun = when.orElse(null);
    }

    @Override
    public void pendingChanges(int count) {
        pending = count;
    }

    private void count(List<ActionOutcome> outcomes) {
        for (ActionOutcome outcome : outcomes) {
            if (outcome.outcome() == OutcomeKind.CREATED) {
                eventsCreated.incrementAndGet();
            } else if (outcome.outcome() == OutcomeKind.UPDATED) {
                eventsUpdated.incrementAndGet();
            } else if (outcome.outcome() == OutcomeKind.DELETED) {
                eventsDeleted.incrementAndGet();
            }
        }
    }

    Optional<SyncReport> lastRun() {
        return Optional.ofNullable(lastRun);
    }

    /** This process's last run, or else the last one the state store kept (from before a restart, or a replica). */
    Optional<RecordedRun> lastRecordedRun() {
        SyncReport own = lastRun;
        Optional<RecordedRun> kept;
        if (sharedInMemory) {
            kept = sharedLastRun;
        } else {
            try {
                kept = runs.last();
            } catch (RuntimeException stateUnreachable) {
                kept = Optional.empty();
            }
        }
        if (own == null) {
            return kept;
        }
        RecordedRun mine = RecordedRun.of(own);
        return Optional.of(kept.filter(other -> other.finishedAt().isAfter(mine.finishedAt())).orElse(mine));
    }

    Optional<Instant> nextRun() {
        return Optional.ofNullable(nextRun);
    }

    int pending() {
        return pending;
    }

    long projectsSynced() {
        return projectsSynced.size();
    }

    long eventsCreated() {
        return eventsCreated.get();
    }

    long eventsUpdated() {
        return eventsUpdated.get();
    }

    long eventsDeleted() {
        return eventsDeleted.get();
    }

    PeerHealth issueSourceHealth() {
        return sourceHealth.health();
    }

    /** Each current target's health, in the runtime's order. */
    Map<String, PeerHealth> targetHealth() {
        Map<String, PeerHealth> states = new LinkedHashMap<>();
        for (SyncTarget target : runtime.peek().targets()) {
            states.put(target.name(), monitorOf(target.name()).health());
        }
        return states;
    }
}
