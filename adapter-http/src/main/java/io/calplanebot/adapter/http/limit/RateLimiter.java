package io.calplanebot.adapter.http.limit;

import io.calplanebot.adapter.http.RateLimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sliding-window request counting per (bucket, client): a request is allowed when fewer than the limit were allowed
 * to the same client in the window length before it, so no span of one window length ever lets more than the limit
 * through (a fixed window let twice the limit through around its boundary). The limit is passed in on every call,
 * so a changed limit applies at once: a lower limit takes effect on the requests already counted, a different window
 * length starts afresh. Memory is bounded: each client keeps at most one time per allowed request; clients whose
 * requests have all left the window are dropped at most once a minute, and when more than {@code maxKeys} clients
 * are tracked they are dropped at once and, if that is not enough, arbitrary ones until the map is back under its
 * bound (those clients start afresh).
 */
public final class RateLimiter {
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);
    private static final long NANOS = 1_000_000_000L;

    private final Clock clock;
    private final int maxKeys;
    private final Map<Key, SlidingLog> logs = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> lastSweep;

    public RateLimiter(Clock clock, int maxKeys) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be at least 1");
        }
        this.maxKeys = maxKeys;
        this.lastSweep = new AtomicReference<>(clock.instant());
    }

    public RateLimitDecision acquire(String bucket, String client, RateLimit limit) {
        Instant now = clock.instant();
        long nowNanos = nanos(now);
        long window = limit.window().toNanos();
        SlidingLog.Outcome[] outcome = new SlidingLog.Outcome[1];
        logs.compute(new Key(bucket, client), (key, current) -> {
            SlidingLog log = current == null || current.window() != window
                    ? new SlidingLog(window, limit.requests()) : current;
            outcome[0] = log.acquire(nowNanos, limit.requests());
            return log;
        });
        keepBounded(now);
        long reset = ceilSeconds(outcome[0].fullAt());
        if (!outcome[0].allowed()) {
            long retryAfter = Math.max(1, ceilSeconds(outcome[0].nextAt()) - now.getEpochSecond());
            return new RateLimitDecision(false, limit.requests(), 0, reset, retryAfter);
        }
        return new RateLimitDecision(true, limit.requests(), outcome[0].remaining(), reset, 0);
    }

    /** How many (bucket, client) logs are tracked now. */
    public int trackedClients() {
        return logs.size();
    }

    private void keepBounded(Instant now) {
        Instant last = lastSweep.get();
        boolean due = !now.isBefore(last.plus(SWEEP_EVERY)) && lastSweep.compareAndSet(last, now);
        if (logs.size() <= maxKeys && !due) {
            return;
        }
        long nowNanos = nanos(now);
        logs.values().removeIf(log -> log.ended(nowNanos));
        if (logs.size() > maxKeys) {
            int target = Math.max(1, maxKeys - maxKeys / 10);
            Iterator<Key> keys = logs.keySet().iterator();
            while (logs.size() > target && keys.hasNext()) {
                keys.next();
                keys.remove();
            }
        }
    }

    private static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS), instant.getNano());
    }

    private static long ceilSeconds(long nanos) {
        return Math.floorDiv(nanos, NANOS) + (Math.floorMod(nanos, NANOS) > 0 ? 1 : 0);
    }

    private record Key(String bucket, String client) {
    }
}
