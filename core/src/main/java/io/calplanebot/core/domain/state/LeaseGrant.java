package io.calplanebot.core.domain.state;

import java.time.Instant;
import java.util.Objects;

/**
 * The full-sync lease, held: by whom, until when, and its fencing token (which grows with every new holder, so a
 * holder that lost the lease can tell).
 */
public record LeaseGrant(String holder, long fencingToken, Instant expiresAt) {
    public LeaseGrant {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(expiresAt, "expires at");
    }
}
