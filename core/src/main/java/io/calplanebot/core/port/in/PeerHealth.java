package io.calplanebot.core.port.in;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How a peer (the issue tracker or a calendar target) was doing when last heard of.
 *
 * @param state     healthy, unhealthy, or unknown before anything was heard
 * @param since     when the peer entered {@code state}; empty while unknown
 * @param checkedAt when a real request or a probe last told the state; empty while unknown
 * @param error     what went wrong, in words, while unhealthy; empty otherwise
 */
public record PeerHealth(ConnectionState state, Optional<Instant> since, Optional<Instant> checkedAt,
                         Optional<String> error) {

    public static final PeerHealth UNKNOWN =
            new PeerHealth(ConnectionState.UNKNOWN, Optional.empty(), Optional.empty(), Optional.empty());

    public PeerHealth {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(checkedAt, "checked at");
        Objects.requireNonNull(error, "error");
    }

    public static PeerHealth healthy(Instant since, Instant checkedAt) {
        return new PeerHealth(ConnectionState.HEALTHY, Optional.of(since), Optional.of(checkedAt), Optional.empty());
    }

    public static PeerHealth unhealthy(Instant since, Instant checkedAt, String error) {
        return new PeerHealth(ConnectionState.UNHEALTHY, Optional.of(since), Optional.of(checkedAt),
                Optional.of(error));
    }
}
