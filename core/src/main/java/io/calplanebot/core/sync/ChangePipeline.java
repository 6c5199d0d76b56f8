package io.calplanebot.core.sync;

import io.calplanebot.core.domain.webhook.IgnoredEvent;
import io.calplanebot.core.domain.webhook.IssueChanged;
import io.calplanebot.core.domain.webhook.IssueDeleted;
import io.calplanebot.core.domain.webhook.ProjectChanged;
import io.calplanebot.core.domain.webhook.WebhookNotification;
import io.calplanebot.core.port.in.WebhookReceipt.Disposition;
import io.calplanebot.core.port.out.SyncListener;
import io.calplanebot.core.port.out.TaskScheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The webhook pipeline: takes accepted changes at once and applies them later, driven by a {@link TaskScheduler}.
 * <ul>
 *   <li>Bursts coalesce: changes to one subject (an issue, a project) within the settle time are applied once
 *       (Plane sends one delivery per changed field).</li>
 *   <li>Repeats are filtered by the {@link RepeatFilter}'s one rule: nothing older than what was accepted wins.</li>
 *   <li>A failed apply is retried with a growing delay, a few times; the periodic full sync is the safety net.</li>
 * </ul>
 * Time comes from the injected clock only, so tests drive it with a manual clock and scheduler.
 */
public final class ChangePipeline implements AutoCloseable {
    private final Applier changes;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final SyncListener listener;
    private final PipelineTiming timing;
    private final RepeatFilter filter = new RepeatFilter();
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private int inFlight;
    private Instant nextWake;
    private boolean closed;

    public ChangePipeline(ChangeService changes, TaskScheduler scheduler, Clock clock, SyncListener listener,
                          PipelineTiming timing) {
        this(changes::apply, scheduler, clock, listener, timing);
        Objects.requireNonNull(changes, "changes");
    }

    ChangePipeline(Applier changes, TaskScheduler scheduler, Clock clock, SyncListener listener,
                   PipelineTiming timing) {
        this.changes = Objects.requireNonNull(changes, "changes");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.timing = Objects.requireNonNull(timing, "timing");
    }

    /**
     * Takes one decoded delivery.
     *
     * @param body the delivery's raw body, by which an exact repeat is recognised
     * @return {@code DUPLICATE} for a repeat, {@code ACCEPTED} otherwise (an outdated change is accepted and
     *         dropped, and the listener hears why)
     * @throws IllegalStateException when the pipeline was closed; the delivery is not remembered
     */
    public Disposition offer(WebhookNotification notification, byte[] body) {
        if (notification instanceof IgnoredEvent) {
            return Disposition.IGNORED;
        }
        String key = keyOf(notification);
        Instant wake;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the service is shutting down; the delivery was not taken");
            }
            RepeatFilter.Verdict verdict = filter.judge(key, notification, body);
            if (verdict == RepeatFilter.Verdict.REPEAT) {
                return Disposition.DUPLICATE;
            }
            if (verdict == RepeatFilter.Verdict.OUTDATED) {
                listener.changeSkipped(notification, "older than a change already applied");
                return Disposition.ACCEPTED;
            }
            Pending existing = pending.get(key);
            if (existing == null) {
                pending.put(key, new Pending(notification, clock.instant().plus(timing.settle()), 1));
            } else if (RepeatFilter.supersedes(notification, existing.notification)) {
                pending.put(key, new Pending(notification, existing.readyAt, existing.attempt));
            }
            listener.pendingChanges(count());
            wake = wakeUpNeeded();
        }
        wakeAt(wake);
        return Disposition.ACCEPTED;
    }

    /** Changes accepted and not yet applied (queued or being applied). */
    public synchronized int pending() {
        return count();
    }

    /** Waits until every change taken has been applied or given up, or the timeout passes; true when idle. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        synchronized (this) {
            while (count() > 0) {
                long left = Duration.between(clock.instant(), deadline).toMillis();
                if (left <= 0) {
                    return false;
                }
                wait(Math.min(left, 50));
            }
            return true;
        }
    }

    /** Stops taking changes; changes still queued are left to the next full sync. */
    @Override
    public synchronized void close() {
        closed = true;
    }

    private int count() {
        return pending.size() + inFlight;
    }

    /** Applies every change whose time has come, then arranges to wake for the next one. */
    private void drain(Instant wokenFor) {
        synchronized (this) {
            if (wokenFor.equals(nextWake)) {
                nextWake = null;
            }
        }
        while (true) {
            Map.Entry<String, Pending> next;
            Instant wake;
            synchronized (this) {
                next = closed ? null : takeReady();
                wake = next == null ? wakeUpNeeded() : null;
            }
            if (next == null) {
                wakeAt(wake);
                return;
            }
            apply(next.getKey(), next.getValue());
        }
    }

    private Map.Entry<String, Pending> takeReady() {
        Instant now = clock.instant();
        Iterator<Map.Entry<String, Pending>> it = pending.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Pending> entry = it.next();
            if (!entry.getValue().readyAt.isAfter(now)) {
                it.remove();
                inFlight++;
                return entry;
            }
        }
        return null;
    }

    /** When the earliest queued change is due, if no wake-up is already arranged by then. */
    private Instant wakeUpNeeded() {
        Instant earliest = null;
        for (Pending item : pending.values()) {
            if (earliest == null || item.readyAt.isBefore(earliest)) {
                earliest = item.readyAt;
            }
        }
        if (earliest == null || closed || (nextWake != null && !nextWake.isAfter(earliest))) {
            return null;
        }
        nextWake = earliest;
        return earliest;
    }

    private void wakeAt(Instant when) {
        if (when == null) {
            return;
        }
        Duration delay = Duration.between(clock.instant(), when);
        scheduler.schedule(delay.isNegative() ? Duration.ZERO : delay, () -> drain(when));
    }

    private void apply(String key, Pending item) {
        try {
            changes.apply(item.notification);
            filter.applied(key, item.notification);
        } catch (RuntimeException e) {
            synchronized (this) {
                if (item.attempt < timing.maxAttempts()) {
                    pending.putIfAbsent(key, new Pending(item.notification,
                            clock.instant().plus(timing.retryDelay().multipliedBy(item.attempt)), item.attempt + 1));
                } else {
                    listener.changeAbandoned(item.notification, item.attempt, e);
                }
            }
        } finally {
            synchronized (this) {
                inFlight--;
                listener.pendingChanges(count());
                notifyAll();
            }
        }
    }

    static String keyOf(WebhookNotification notification) {
        if (notification instanceof IssueChanged) {
            return "issue:" + ((IssueChanged) notification).issueId();
        } else if (notification instanceof IssueDeleted) {
            return "issue:" + ((IssueDeleted) notification).issueId();
        } else if (notification instanceof ProjectChanged) {
            return "project:" + ((ProjectChanged) notification).projectId();
        }
        throw new IllegalArgumentException("not a change: " + notification);
    }

    /** What applying a change means; the service's is {@link ChangeService#apply}. */
    @FunctionalInterface
    interface Applier {
        void apply(WebhookNotification notification);
    }

    /** A change waiting for its time. */
    private static final class Pending {
        final WebhookNotification notification;
        final Instant readyAt;
        final int attempt;

        Pending(WebhookNotification notification, Instant readyAt, int attempt) {
            this.notification = notification;
            this.readyAt = readyAt;
            this.attempt = attempt;
        }
    }
}
