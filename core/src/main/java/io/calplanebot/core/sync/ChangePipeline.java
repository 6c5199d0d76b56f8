package io.calplanebot.core.sync;

import io.calplanebot.core.domain.state.InboxDelivery;
import io.calplanebot.core.domain.webhook.IgnoredEvent;
import io.calplanebot.core.domain.webhook.IssueChanged;
import io.calplanebot.core.domain.webhook.IssueDeleted;
import io.calplanebot.core.domain.webhook.ProjectChanged;
import io.calplanebot.core.domain.webhook.RawWebhook;
import io.calplanebot.core.domain.webhook.WebhookNotification;
import io.calplanebot.core.port.in.WebhookReceipt.Disposition;
import io.calplanebot.core.port.out.AppliedChanges;
import io.calplanebot.core.port.out.StateStore;
import io.calplanebot.core.port.out.SyncListener;
import io.calplanebot.core.port.out.TaskScheduler;
import io.calplanebot.core.port.out.WebhookInbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * The webhook pipeline: takes accepted changes at once and applies them later, driven by a {@link TaskScheduler}.
 * <ul>
 *   <li>A change is taken only once the {@link WebhookInbox} stored it, and marked done there once applied; before
 *       it applies a change the pipeline claims its deliveries, so that no two replicas apply the same ones.</li>
 *   <li>The first change to a subject (an issue, a project) is applied at once. Bursts coalesce: changes that follow
 *       another to the same subject within the settle time wait for it and are applied once (Plane sends one
 *       delivery per changed field).</li>
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
    private final WebhookInbox inbox;
    private final String owner;
    private final Duration claimHold;
    private final RepeatFilter filter;
    private final Executor workers;
    private final int parallelism;
    private final Set<String> applying = new HashSet<>();
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    /** When each recent subject last had a delivery, oldest first (a burst's follow-ups wait for the settle time). */
    private final Map<String, Instant> lastOffered = new RecentEntries<>(RECENT_SUBJECTS);
    private static final int RECENT_SUBJECTS = 10_000;
    private int inFlight;
    private Instant nextWake;
    private boolean closed;

    /**
     * @param state     where deliveries are kept until applied, and what was applied
     * @param owner     this process's name in inbox claims (unique among replicas)
     * @param claimHold how long a claim holds while a change is applied
     */
    public ChangePipeline(ChangeService changes, TaskScheduler scheduler, Clock clock, SyncListener listener,
                          PipelineTiming timing, StateStore state, String owner, Duration claimHold) {
        this(Objects.requireNonNull(changes, "changes")::apply, scheduler, clock, listener, timing, state,
                state.appliedChanges(), owner, claimHold, Runnable::run, 1);
    }

    /**
     * @param applied     what was applied: the engine's, shared with its full syncs (and remembered in memory)
     * @param workers     where changes are applied: up to {@code parallelism} at once, never two for one subject
     * @param parallelism how many changes may be applied at the same time (1: one after the other, in the
     *                    scheduler's thread)
     */
    ChangePipeline(ChangeService changes, TaskScheduler scheduler, Clock clock, SyncListener listener,
                   PipelineTiming timing, StateStore state, AppliedChanges applied, String owner, Duration claimHold,
                   Executor workers, int parallelism) {
        this(Objects.requireNonNull(changes, "changes")::apply, scheduler, clock, listener, timing, state, applied,
                owner, claimHold, workers, parallelism);
    }

    ChangePipeline(Applier changes, TaskScheduler scheduler, Clock clock, SyncListener listener,
                   PipelineTiming timing, StateStore state, String owner, Duration claimHold) {
        this(changes, scheduler, clock, listener, timing, state, owner, claimHold, Runnable::run, 1);
    }

    ChangePipeline(Applier changes, TaskScheduler scheduler, Clock clock, SyncListener listener,
                   PipelineTiming timing, StateStore state, String owner, Duration claimHold,
                   Executor workers, int parallelism) {
        this(changes, scheduler, clock, listener, timing, state, state.appliedChanges(), owner, claimHold, workers,
                parallelism);
    }

    private ChangePipeline(Applier changes, TaskScheduler scheduler, Clock clock, SyncListener listener,
                           PipelineTiming timing, StateStore state, AppliedChanges applied, String owner,
                           Duration claimHold, Executor workers, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        this.workers = Objects.requireNonNull(workers, "workers");
        this.parallelism = parallelism;
        this.changes = Objects.requireNonNull(changes, "changes");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.inbox = Objects.requireNonNull(state, "state").inbox();
        this.filter = new RepeatFilter(applied);
        this.owner = Objects.requireNonNull(owner, "owner");
        this.claimHold = Objects.requireNonNull(claimHold, "claim hold");
    }

    /**
     * Takes one decoded delivery: stores it in the inbox, then queues it.
     *
     * @param webhook the delivery as received, kept in the inbox (an exact repeat of a stored body is recognised)
     * @return {@code DUPLICATE} for a repeat, {@code OUTDATED} for a change older than one already applied (kept and
     *         marked done at once: nothing is queued), {@code ACCEPTED} otherwise
     * @throws IllegalStateException when the pipeline was closed; the delivery is not remembered
     * @throws io.calplanebot.core.port.out.StateStoreException when the inbox could not keep it; nothing was taken
     */
    public Disposition offer(WebhookNotification notification, RawWebhook webhook) {
        if (notification instanceof IgnoredEvent) {
            return Disposition.IGNORED;
        }
        String key = keyOf(notification);
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the service is shutting down; the delivery was not taken");
            }
        }
        RepeatFilter.Verdict verdict = filter.judge(key, notification);
        boolean outdated = verdict == RepeatFilter.Verdict.OUTDATED;
        Optional<Instant> updatedAt = RepeatFilter.updatedAtOf(notification);
        Optional<String> id = outdated ? inbox.storeDone(webhook, key, updatedAt, clock.instant())
                : inbox.store(webhook, key, updatedAt, clock.instant());
        if (id.isEmpty()) {
            return Disposition.DUPLICATE;
        }
        if (outdated) {
            return Disposition.OUTDATED;
        }
        queue(key, notification, Set.of(id.get()), settleFor(key));
        return Disposition.ACCEPTED;
    }

    /**
     * Queues deliveries taken over from the inbox (a process that died had them): they are applied at once, coalesced
     * with anything queued for the same subject. Deliveries that can no longer be read are marked done.
     */
    void resume(InboxDelivery delivery, Optional<WebhookNotification> notification) {
        if (notification.isEmpty() || notification.get() instanceof IgnoredEvent) {
            inbox.done(Set.of(delivery.id()), clock.instant());
            return;
        }
        synchronized (this) {
            if (closed) {
                inbox.release(Set.of(delivery.id()), owner);
                return;
            }
        }
        queue(keyOf(notification.get()), notification.get(), Set.of(delivery.id()), Duration.ZERO);
    }

    /**
     * The first delivery for a subject is applied at once; one that follows another for the same subject within the
     * settle time waits for it, so the rest of a burst (Plane sends one delivery per changed field) is applied once.
     */
    private synchronized Duration settleFor(String key) {
        Instant now = clock.instant();
        Instant previous = lastOffered.put(key, now);
        boolean followUp = previous != null && Duration.between(previous, now).compareTo(timing.settle()) < 0;
        return followUp ? timing.settle() : Duration.ZERO;
    }

    private void queue(String key, WebhookNotification notification, Set<String> ids, Duration settle) {
        Instant wake;
        synchronized (this) {
            Pending existing = pending.get(key);
            if (existing == null) {
                pending.put(key, new Pending(notification, clock.instant().plus(settle), 1, ids));
            } else if (RepeatFilter.supersedes(notification, existing.notification)) {
                pending.put(key, new Pending(notification, existing.readyAt, existing.attempt,
                        union(existing.ids, ids)));
            } else {
                pending.put(key, new Pending(existing.notification, existing.readyAt, existing.attempt,
                        union(existing.ids, ids)));
            }
            listener.pendingChanges(count());
            wake = wakeUpNeeded();
        }
        wakeAt(wake);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
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

    /**
     * Stops taking changes. Changes still queued stay in the inbox: the next process to start (or another replica)
     * takes them over.
     */
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
            if (parallelism == 1) {
                apply(next.getKey(), next.getValue());
            } else {
                startApply(next);
            }
        }
    }

    /** Applies on a worker; once done, looks again for changes that waited for it (or for a free worker). */
    private void startApply(Map.Entry<String, Pending> next) {
        try {
            workers.execute(() -> {
                try {
                    apply(next.getKey(), next.getValue());
                } finally {
                    scheduler.schedule(Duration.ZERO, () -> drain(clock.instant()));
                }
            });
        } catch (RuntimeException e) {
            synchronized (this) {
                inFlight--;
                applying.remove(next.getKey());
                pending.putIfAbsent(next.getKey(), next.getValue());
            }
            scheduler.schedule(timing.retryDelay(), () -> drain(clock.instant()));
        }
    }

    /** The next change whose time has come, unless every worker is busy; never one for a subject being applied. */
    private Map.Entry<String, Pending> takeReady() {
        if (inFlight >= parallelism) {
            return null;
        }
        Instant now = clock.instant();
        Iterator<Map.Entry<String, Pending>> it = pending.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Pending> entry = it.next();
            if (!entry.getValue().readyAt.isAfter(now) && !applying.contains(entry.getKey())) {
                it.remove();
                inFlight++;
                applying.add(entry.getKey());
                return entry;
            }
        }
        return null;
    }

    /** When the earliest queued change is due, if no wake-up is already arranged by then. */
    private Instant wakeUpNeeded() {
        if (inFlight >= parallelism) {
            return null;
        }
        Instant earliest = null;
        for (Map.Entry<String, Pending> entry : pending.entrySet()) {
            Pending item = entry.getValue();
            if (!applying.contains(entry.getKey()) && (earliest == null || item.readyAt.isBefore(earliest))) {
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
        Set<String> claimed = Set.of();
        try {
            Instant now = clock.instant();
            claimed = inbox.claim(item.ids, owner, now, now.plus(claimHold));
            if (claimed.isEmpty()) {
                listener.changeSkipped(item.notification, "another process is applying it");
                return;
            }
            if (filter.judge(key, item.notification) == RepeatFilter.Verdict.OUTDATED) {
                listener.changeSkipped(item.notification, "older than a change already applied");
                inbox.done(claimed, clock.instant());
                return;
            }
            changes.apply(item.notification);
            filter.applied(key, item.notification);
            inbox.done(claimed, clock.instant());
        } catch (RuntimeException e) {
            retryOrGiveUp(key, item, claimed, e);
        } finally {
            synchronized (this) {
                inFlight--;
                applying.remove(key);
                listener.pendingChanges(count());
                notifyAll();
            }
        }
    }

    private void retryOrGiveUp(String key, Pending item, Set<String> claimed, RuntimeException e) {
        boolean retry;
        synchronized (this) {
            retry = item.attempt < timing.maxAttempts() && !closed;
            if (retry) {
                Pending queued = pending.get(key);
                Set<String> ids = queued == null ? item.ids : union(item.ids, queued.ids);
                WebhookNotification newest = queued != null
                        && RepeatFilter.supersedes(queued.notification, item.notification)
                        ? queued.notification : item.notification;
                pending.put(key, new Pending(newest,
                        clock.instant().plus(timing.retryDelay().multipliedBy(item.attempt)), item.attempt + 1, ids));
            }
        }
        if (retry) {
            return;
        }
        listener.changeAbandoned(item.notification, item.attempt, e);
        try {
            if (closed) {
                inbox.release(claimed, owner);
            } else {
                inbox.done(claimed, clock.instant());
            }
        } catch (RuntimeException stateFailure) {
            // The claim runs out and the delivery is taken over later.
        }
    }

    static String keyOf(WebhookNotification notification) {
        if (notification instanceof IssueChanged) {
            return keyOfIssue(((IssueChanged) notification).issueId());
        } else if (notification instanceof IssueDeleted) {
            return keyOfIssue(((IssueDeleted) notification).issueId());
        } else if (notification instanceof ProjectChanged) {
            return "project:" + ((ProjectChanged) notification).projectId();
        }
        throw new IllegalArgumentException("not a change: " + notification);
    }

    /** The subject of an issue's changes, in the inbox and in what was applied. */
    static String keyOfIssue(String issueId) {
        return "issue:" + issueId;
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
        final Set<String> ids;

        Pending(WebhookNotification notification, Instant readyAt, int attempt, Set<String> ids) {
            this.notification = notification;
            this.readyAt = readyAt;
            this.attempt = attempt;
            this.ids = ids;
        }
    }
}
