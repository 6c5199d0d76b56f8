package io.calplanebot.app.pipeline;

import io.calplanebot.core.domain.webhook.IgnoredEvent;
import io.calplanebot.core.domain.webhook.IssueChanged;
import io.calplanebot.core.domain.webhook.IssueDeleted;
import io.calplanebot.core.domain.webhook.ProjectChanged;
import io.calplanebot.core.domain.webhook.WebhookNotification;
import io.calplanebot.core.port.in.ApplyChangeUseCase;
import io.calplanebot.core.port.out.ChangeDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The webhook pipeline: accepts changes at once and applies them on a worker thread.
 * <ul>
 *   <li>Bursts coalesce: changes to one issue that arrive within the settle time are applied once (Plane sends
 *       one delivery per changed field).</li>
 *   <li>An older {@code updated_at} never replaces a newer one, neither in the queue nor after it was applied.</li>
 *   <li>A failed apply is retried a few times with a growing delay; the periodic full sync is the safety net.</li>
 * </ul>
 */
public final class QueuedChangeDispatcher implements ChangeDispatcher, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueuedChangeDispatcher.class);
    private static final int MAX_ATTEMPTS = 3;
    private static final int REMEMBERED_ISSUES = 10_000;

    private final ApplyChangeUseCase applier;
    private final long settleNanos;
    private final long retryNanos;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final Map<String, Instant> appliedUpdatedAt = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > REMEMBERED_ISSUES;
        }
    };
    private final Thread worker;
    private int inFlight;
    private volatile boolean running = true;

    public QueuedChangeDispatcher(ApplyChangeUseCase applier, Duration settle, Duration retryDelay) {
        this.applier = Objects.requireNonNull(applier, "applier");
        this.settleNanos = settle.toNanos();
        this.retryNanos = retryDelay.toNanos();
        this.worker = new Thread(this::work, "calplanebot-webhooks");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    @Override
    public synchronized void dispatch(WebhookNotification notification) {
        if (notification instanceof IgnoredEvent) {
            return;
        }
        String key = keyOf(notification);
        if (isOlderThanApplied(key, notification)) {
            LOG.info("Webhook dropped as stale: {} is older than a change already applied", key);
            return;
        }
        Pending existing = pending.get(key);
        if (existing == null) {
            pending.put(key, new Pending(notification, System.nanoTime() + settleNanos, 1));
        } else if (!isOlder(notification, existing.notification)) {
            pending.put(key, new Pending(notification, existing.readyAt, existing.attempt));
        }
        notifyAll();
    }

    @Override
    public synchronized int pending() {
        return pending.size() + inFlight;
    }

    /** Waits until everything queued has been applied or the timeout passes; true when the queue is empty. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (pending() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    @Override
    public void close() {
        running = false;
        worker.interrupt();
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void work() {
        while (running) {
            Map.Entry<String, Pending> next;
            try {
                next = take();
            } catch (InterruptedException e) {
                return;
            }
            apply(next.getKey(), next.getValue());
        }
    }

    private synchronized Map.Entry<String, Pending> take() throws InterruptedException {
        while (true) {
            long now = System.nanoTime();
            long earliest = Long.MAX_VALUE;
            Iterator<Map.Entry<String, Pending>> it = pending.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, Pending> entry = it.next();
                if (entry.getValue().readyAt - now <= 0) {
                    it.remove();
                    inFlight++;
                    return Map.entry(entry.getKey(), entry.getValue());
                }
                earliest = Math.min(earliest, entry.getValue().readyAt - now);
            }
            if (earliest == Long.MAX_VALUE) {
                wait();
            } else {
                wait(Math.max(1, earliest / 1_000_000));
            }
        }
    }

    private void apply(String key, Pending item) {
        try {
            applier.apply(item.notification);
            synchronized (this) {
                updatedAtOf(item.notification).ifPresent(at -> appliedUpdatedAt.merge(key, at,
                        (a, b) -> a.isAfter(b) ? a : b));
            }
        } catch (RuntimeException e) {
            if (item.attempt < MAX_ATTEMPTS) {
                LOG.warn("Applying {} failed (attempt {} of {}), retrying: {}", key, item.attempt, MAX_ATTEMPTS,
                        e.getMessage());
                synchronized (this) {
                    pending.putIfAbsent(key, new Pending(item.notification,
                            System.nanoTime() + retryNanos * item.attempt, item.attempt + 1));
                }
            } else {
                LOG.error("Applying {} failed {} times; the next full sync will reconcile it: {}", key,
                        MAX_ATTEMPTS, e.getMessage());
            }
        } finally {
            synchronized (this) {
                inFlight--;
                notifyAll();
            }
        }
    }

    private boolean isOlderThanApplied(String key, WebhookNotification notification) {
        Instant applied = appliedUpdatedAt.get(key);
        return applied != null && updatedAtOf(notification).map(at -> at.isBefore(applied)).orElse(false);
    }

    /** Whether {@code incoming} carries an updated_at older than {@code queued}'s. */
    private static boolean isOlder(WebhookNotification incoming, WebhookNotification queued) {
        java.util.Optional<Instant> in = updatedAtOf(incoming);
        java.util.Optional<Instant> q = updatedAtOf(queued);
        return in.isPresent() && q.isPresent() && in.get().isBefore(q.get());
    }

    private static java.util.Optional<Instant> updatedAtOf(WebhookNotification notification) {
        return notification instanceof IssueChanged
                ? ((IssueChanged) notification).updatedAt()
                : java.util.Optional.empty();
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

    /** A change waiting in the queue. */
    private static final class Pending {
        final WebhookNotification notification;
        final long readyAt;
        final int attempt;

        Pending(WebhookNotification notification, long readyAt, int attempt) {
            this.notification = notification;
            this.readyAt = readyAt;
            this.attempt = attempt;
        }
    }
}
