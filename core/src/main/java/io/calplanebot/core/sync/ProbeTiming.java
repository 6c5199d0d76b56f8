package io.calplanebot.core.sync;

import java.time.Duration;
import java.util.Objects;

/**
 * When the background connection probes run.
 *
 * @param firstDelay how long after start the first round runs
 * @param interval   how often a round runs; a peer is probed only when nothing told its state for this long
 * @param timeout    how long one probe (one attempt, no retries) may take
 */
public record ProbeTiming(Duration firstDelay, Duration interval, Duration timeout) {

    /** The service's: a first round after 1 s, then every 30 s, each probe given 5 s. */
    public static final ProbeTiming SERVICE =
            new ProbeTiming(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(5));

    public ProbeTiming {
        Objects.requireNonNull(firstDelay, "first delay");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        if (interval.isNegative() || interval.isZero() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("probe interval and timeout must be positive");
        }
    }
}
