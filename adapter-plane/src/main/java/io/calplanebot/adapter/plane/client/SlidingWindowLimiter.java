package io.calplanebot.adapter.plane.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Allows at most {@code permits} requests in any window of the given length, the way Plane's own throttle counts
 * them (a history of request times over the last minute). Unlike even pacing, a short burst (the two reads a webhook
 * needs, say) goes out at once, and the budget still can never be overrun.
 *
 * <p>The budget is shared by priority: a request that is not {@linkplain RequestPurpose#urgent() urgent} (a page of
 * a full sync) leaves {@code reserve} permits of the window to the urgent ones (webhook reads, probes), and does not
 * take a permit while an urgent request waits for one. A full sync that would use the whole budget is spread out
 * instead, and a webhook read never waits behind its pages.
 */
final class SlidingWindowLimiter {
    private final int permits;
    private final int reserve;
    private final long windowNanos;
    private final Deque<Long> history = new ArrayDeque<>();
    private int urgentWaiting;

    SlidingWindowLimiter(int permits, Duration window) {
        this(permits, window, permits / 6);
    }

    /** @param reserve permits of each window only urgent requests may use (less than {@code permits}) */
    SlidingWindowLimiter(int permits, Duration window, int reserve) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be positive");
        }
        if (reserve < 0 || reserve >= permits) {
            throw new IllegalArgumentException("the reserve must be at least 0 and less than the permits");
        }
        this.permits = permits;
        this.reserve = reserve;
        this.windowNanos = window.toNanos();
    }

    /** Waits for a permit as an urgent request. */
    boolean acquire(Duration maxWait) throws InterruptedException {
        return acquire(maxWait, true);
    }

    /**
     * Waits for a permit.
     *
     * @param urgent whether the request may use the reserve and goes before the others
     * @return false when no permit came within {@code maxWait}
     */
    synchronized boolean acquire(Duration maxWait, boolean urgent) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        if (urgent) {
            urgentWaiting++;
        }
        try {
            while (true) {
                long now = System.nanoTime();
                while (!history.isEmpty() && now - history.peekFirst() >= windowNanos) {
                    history.removeFirst();
                }
                int allowed = urgent ? permits : permits - reserve;
                boolean yield = !urgent && urgentWaiting > 0;
                if (!yield && history.size() < allowed) {
                    history.addLast(now);
                    return true;
                }
                long wait = yield ? windowNanos : freedAt(history.size() - allowed) - now;
                if (now + wait - deadline > 0 && !yield) {
                    return false;
                }
                long left = deadline - now;
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, Math.min(wait, left) / 1_000_000));
            }
        } finally {
            if (urgent) {
                urgentWaiting--;
                notifyAll();
            }
        }
    }

    /** When the {@code index}-th oldest request of the window leaves it. */
    private long freedAt(int index) {
        Iterator<Long> it = history.iterator();
        long at = it.next();
        for (int i = 0; i < index && it.hasNext(); i++) {
            at = it.next();
        }
        return at + windowNanos;
    }
}
