package io.calplanebot.core.sync;

import io.calplanebot.core.port.in.ConnectionState;
import io.calplanebot.core.port.in.PeerHealth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What one peer last showed, from real requests and background probes. Reading it never contacts the peer. A probe's
 * answer counts only when nothing newer was heard while it ran, so a real request's observation is never replaced by
 * an older probe.
 */
final class ConnectionMonitor {
    private PeerHealth health = PeerHealth.UNKNOWN;

    synchronized PeerHealth health() {
        return health;
    }

    /** What a real request showed at {@code at}: empty when the peer answered, else why it is unhealthy. */
    synchronized void observed(Instant at, Optional<String> problem) {
        ConnectionState state = problem.isPresent() ? ConnectionState.UNHEALTHY : ConnectionState.HEALTHY;
        Instant since = health.state() == state ? health.since().orElse(at) : at;
        health = problem.map(p -> PeerHealth.unhealthy(since, at, p)).orElseGet(() -> PeerHealth.healthy(since, at));
    }

    /** What a probe that started at {@code startedAt} showed; ignored when something newer was heard meanwhile. */
    synchronized void probed(Instant startedAt, Instant at, Optional<String> problem) {
        if (health.checkedAt().map(heard -> !heard.isBefore(startedAt)).orElse(false)) {
            return;
        }
        observed(at, problem);
    }

    /** Whether nothing told the state within {@code interval} before {@code now}. */
    synchronized boolean staleAt(Instant now, Duration interval) {
        return health.checkedAt().map(heard -> !now.isBefore(heard.plus(interval))).orElse(true);
    }
}
