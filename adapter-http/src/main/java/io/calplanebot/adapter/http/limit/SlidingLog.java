package io.calplanebot.adapter.http.limit;

/**
 * The times (nanoseconds since the epoch) of the requests one client was allowed within the last window length,
 * oldest first, in a ring that holds at most as many entries as the largest limit it was asked with. Not thread-safe:
 * {@link RateLimiter} only touches it inside {@code ConcurrentHashMap.compute}.
 */
final class SlidingLog {
    private final long window;
    private long[] ring;
    private int head;
    private int size;

    SlidingLog(long windowNanos, int capacity) {
        this.window = windowNanos;
        this.ring = new long[Math.max(1, capacity)];
    }

    long window() {
        return window;
    }

    /** Whether every allowed request has left the window: the log may be dropped. */
    boolean ended(long now) {
        return size == 0 || newest() + window <= now;
    }

    /** Counts the request at {@code now} in when fewer than {@code limit} were allowed in the window before it. */
    Outcome acquire(long now, int limit) {
        while (size > 0 && ring[head] + window <= now) {
            head = (head + 1) % ring.length;
            size--;
        }
        if (size >= limit) {
            long freeAt = at(size - limit) + window;
            return new Outcome(false, 0, newest() + window, freeAt);
        }
        if (size == ring.length) {
            grow(limit);
        }
        ring[(head + size) % ring.length] = now;
        size++;
        return new Outcome(true, limit - size, now + window, now);
    }

    private long at(int index) {
        return ring[(head + index) % ring.length];
    }

    private long newest() {
        return at(size - 1);
    }

    private void grow(int capacity) {
        long[] bigger = new long[Math.max(capacity, size + 1)];
        for (int i = 0; i < size; i++) {
            bigger[i] = at(i);
        }
        ring = bigger;
        head = 0;
    }

    /**
     * @param fullAt when every request counted now has left the window (the whole limit is free again)
     * @param nextAt when the next request will be allowed
     */
    record Outcome(boolean allowed, int remaining, long fullAt, long nextAt) {
    }
}
