package io.calplanebot.core.sync;

import io.calplanebot.core.port.in.ConnectionState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Runs a connection probe at most once per interval and remembers the answer in between. */
final class ConnectionMonitor {
    private final Runnable probe;
    private final Clock clock;
    private final Duration interval;
    private ConnectionState state = ConnectionState.UNKNOWN;
    private Instant checkedAt;

    ConnectionMonitor(Runnable probe, Clock clock, Duration interval) {
        this.probe = Objects.requireNonNull(probe, "probe");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    synchronized ConnectionState state() {
        Instant now = clock.instant();
        if (checkedAt == null || !now.isBefore(checkedAt.plus(interval))) {
            try {
                probe.run();
                state = ConnectionState.HEALTHY;
            } catch (RuntimeException e) {
                state = ConnectionState.UNHEALTHY;
            }
            checkedAt = now;
        }
        return state;
    }

    /** Records what a real request just showed, so the next check need not probe. */
    synchronized void observed(boolean healthy) {
        state = healthy ? ConnectionState.HEALTHY : ConnectionState.UNHEALTHY;
        checkedAt = clock.instant();
    }
}
