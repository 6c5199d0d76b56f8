package io.calplanebot.adapter.plane.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Allows at most {@code permits} requests in any window of the given length, the way Plane's own throttle counts
 * them (a history of request times over the last minute). Unlike even pacing, a short burst (the two reads a webhook
 * needs, say) goes out at once, and the budget still can never be overrun.
 */
final class SlidingWindowLimiter {
    private final int permits;
    private final long windowNanos;
    private final Deque<Long> history = new ArrayDeque<>();

    SlidingWindowLimiter(int permits, Duration window) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be positive");
        }
        this.permits = permits;
        this.windowNanos = window.toNanos();
    }

    /**
     * Waits for a permit.
     *
     * @return false when no permit came within {@code maxWait}
     */
    synchronized boolean acquire(Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            long now = System.nanoTime();
            while (!history.isEmpty() && now - history.peekFirst() >= windowNanos) {
                history.removeFirst();
            }
            if (history.size() < permits) {
                history.addLast(now);
                return true;
            }
            long wait = history.peekFirst() + windowNanos - now;
            if (now + wait - deadline > 0) {
                return false;
            }
            long millis = Math.max(1, wait / 1_000_000);
            wait(millis);
        }
    }
}
