package io.calplanebot.core.sync;

import io.calplanebot.core.domain.webhook.WebhookNotification;
import io.calplanebot.core.port.in.ActionOutcome;
import io.calplanebot.core.port.in.ChangeResult;
import io.calplanebot.core.port.in.ConnectionState;
import io.calplanebot.core.port.in.OutcomeKind;
import io.calplanebot.core.port.in.ProjectResult;
import io.calplanebot.core.port.in.SyncReport;
import io.calplanebot.core.port.out.SyncListener;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the service has done since it started, as the full sync, the change pipeline and the scheduler report it:
 * the last run, the event counters, the next run, the pending changes and what each peer last showed. Lives outside
 * the runtime, so a reload keeps it.
 */
public final class StatusRecord implements SyncListener {
    private static final Duration CONNECTION_CHECK_INTERVAL = Duration.ofSeconds(30);

    private final RuntimeHolder runtime;
    private final Clock clock;
    private final ConnectionMonitor sourceHealth;
    private final Map<String, ConnectionMonitor> targetHealth = new ConcurrentHashMap<>();
    private final Set<String> projectsSynced = ConcurrentHashMap.newKeySet();
    private final AtomicLong eventsCreated = new AtomicLong();
    private final AtomicLong eventsUpdated = new AtomicLong();
    private final AtomicLong eventsDeleted = new AtomicLong();
    private volatile SyncReport lastRun;
    private volatile Instant nextRun;
    private volatile int pending;

    /** @param runtime probed (at most every 30 s) when no real request told how a peer is doing */
    public StatusRecord(RuntimeHolder runtime, Clock clock) {
        this.runtime = runtime;
        this.clock = clock;
        this.sourceHealth = new ConnectionMonitor(() -> runtime.use(rt -> {
            rt.issues().checkConnection();
            return null;
        }), clock, CONNECTION_CHECK_INTERVAL);
    }

    @Override
    public void syncFinished(SyncReport report) {
        if (report.dryRun()) {
            return;
        }
        lastRun = report;
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
    public void issueSourceObserved(boolean reachable) {
        sourceHealth.observed(reachable);
    }

    @Override
    public void targetObserved(String target, boolean reachable) {
        monitorOf(target).observed(reachable);
    }

    private ConnectionMonitor monitorOf(String target) {
        return targetHealth.computeIfAbsent(target, name -> new ConnectionMonitor(() -> runtime.use(rt -> {
            rt.target(name).ifPresent(t -> t.store().checkConnection());
            return null;
        }), clock, CONNECTION_CHECK_INTERVAL));
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

    ConnectionState issueSourceConnection() {
        return sourceHealth.state();
    }

    /** Each current target's connection, in the runtime's order. */
    Map<String, ConnectionState> targetConnections() {
        Map<String, ConnectionState> states = new LinkedHashMap<>();
        for (SyncTarget target : runtime.peek().targets()) {
            states.put(target.name(), monitorOf(target.name()).state());
        }
        return states;
    }
}
