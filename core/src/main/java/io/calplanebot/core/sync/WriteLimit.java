package io.calplanebot.core.sync;

import java.util.function.IntConsumer;

/**
 * How many writes one calendar store takes at once in a full sync, as TCP takes packets: additive increase,
 * multiplicative decrease. The limit starts at its maximum. A write that finds the store unreachable (a timeout, a
 * 5xx, or a 429 that outlasted the client's retries: a server that throttles or is overloaded) halves it, down to
 * one; every {@link #WINDOW} writes that succeed while the limit was in use raise it by one again, up to the
 * maximum. A limit lives for one full sync of one target.
 * <p>
 * The writes' durations are not used: a rule that kept the writes queued at the server low (TCP Vegas's) held
 * Radicale at two or three writes at once and DAViCal at three, and full syncs took 26 % and 13 % longer than with
 * four (part of each write is spent outside the server's lock), docs/benchmarks.md.
 */
final class WriteLimit {
    static final int WINDOW = 8;

    private final int maximum;
    private final IntConsumer changed;
    private int limit;
    private int inFlight;
    private int count;
    private long concurrencySum;

    /**
     * @param maximum the most writes at once, ever, and the first limit
     * @param changed told the new limit after every change, in order (under this limit's lock: it must be quick)
     */
    WriteLimit(int maximum, IntConsumer changed) {
        if (maximum < 1) {
            throw new IllegalArgumentException("maximum must be at least 1");
        }
        this.maximum = maximum;
        this.limit = maximum;
        this.changed = changed;
    }

    /** The writes allowed at once now. */
    synchronized int limit() {
        return limit;
    }

    /**
     * Waits until fewer writes than the limit are in flight, then counts this one in; answers how many are in
     * flight with it. An interrupted wait stops waiting and counts the write in all the same (it still has to be
     * carried out or reported).
     */
    synchronized int acquire() {
        while (inFlight >= limit) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return ++inFlight;
    }

    /** A write ended that succeeded; it was acquired with {@code concurrency} in flight. */
    synchronized void succeeded(int concurrency) {
        release();
        count++;
        concurrencySum += concurrency;
        if (count < WINDOW) {
            return;
        }
        boolean used = (double) concurrencySum / count > limit - 0.5;
        clearWindow();
        if (used && limit < maximum) {
            limit++;
            changed.accept(limit);
        }
    }

    /** A write ended that tells nothing of the store's load (the store refused it, or it was not carried out). */
    synchronized void ended() {
        release();
    }

    /** A write found the store unreachable: half as many at once from now on. */
    synchronized void overloaded() {
        release();
        clearWindow();
        if (limit > 1) {
            limit /= 2;
            changed.accept(limit);
        }
    }

    private void release() {
        inFlight--;
        notifyAll();
    }

    private void clearWindow() {
        count = 0;
        concurrencySum = 0;
    }
}
