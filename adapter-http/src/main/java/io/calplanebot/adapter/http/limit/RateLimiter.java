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
 * Fixed-window request counting per (bucket, client). The limit is passed in on every call, so a changed limit
 * applies at once: a lower limit takes effect inside the current window, a different window length starts a new
 * window. Memory is bounded: windows that have ended are dropped at most once a minute, and when more than
 * {@code maxKeys} clients are tracked the ended windows are dropped at once and, if that is not enough, arbitrary
 * ones until the map is back under its bound (those clients start afresh).
 */
public final class RateLimiter {
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final Clock clock;
    private final int maxKeys;
    private final Map<Key, Window> windows = new ConcurrentHashMap<>();
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
        Window window = windows.compute(new Key(bucket, client), (key, current) ->
                current == null || !current.covers(now, limit.window())
                        ? new Window(now, limit.window(), 1)
                        : current.count() < limit.requests() ? current.next() : current.refused());
        keepBounded(now);
        long reset = window.end().getEpochSecond() + (window.end().getNano() > 0 ? 1 : 0);
        if (window.refusedLast()) {
            long retryAfter = Math.max(1, reset - now.getEpochSecond());
            return new RateLimitDecision(false, limit.requests(), 0, reset, retryAfter);
        }
        return new RateLimitDecision(true, limit.requests(), Math.max(0, limit.requests() - window.count()), reset, 0);
    }

    /** How many (bucket, client) windows are tracked now. */
    public int trackedClients() {
        return windows.size();
    }

    private void keepBounded(Instant now) {
        Instant last = lastSweep.get();
        boolean due = !now.isBefore(last.plus(SWEEP_EVERY)) && lastSweep.compareAndSet(last, now);
        if (windows.size() <= maxKeys && !due) {
            return;
        }
        windows.values().removeIf(w -> !w.end().isAfter(now));
        if (windows.size() > maxKeys) {
            int target = Math.max(1, maxKeys - maxKeys / 10);
            Iterator<Key> keys = windows.keySet().iterator();
            while (windows.size() > target && keys.hasNext()) {
                keys.next();
                keys.remove();
            }
        }
    }

    private record Key(String bucket, String client) {
    }

    private record Window(Instant start, Duration length, int count, boolean refusedLast) {
        Window(Instant start, Duration length, int count) {
            this(start, length, count, false);
        }

        Instant end() {
            return start.plus(length);
        }

        boolean covers(Instant now, Duration wanted) {
            return length.equals(wanted) && now.isBefore(end()) && !now.isBefore(start);
        }

        Window next() {
            return new Window(start, length, count + 1, false);
        }

        Window refused() {
            return new Window(start, length, count, true);
        }
    }
}
