package io.calplanebot.adapter.http;

import io.calplanebot.core.port.in.ConnectionState;
import io.calplanebot.core.port.in.HealthReport;
import io.calplanebot.core.port.in.PeerHealth;
import io.calplanebot.core.port.in.ReadStatusUseCase;
import io.calplanebot.core.port.in.SyncState;
import io.calplanebot.core.port.in.SyncStatus;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Answers whatever status and health the test set. */
final class FakeReadStatus implements ReadStatusUseCase {
    volatile SyncStatus status;
    volatile HealthReport health;
    volatile RuntimeException failure;

    FakeReadStatus() {
        reset();
    }

    void reset() {
        status = new SyncStatus(SyncState.IDLE, Optional.empty(), Optional.empty(), 0);
        health = new HealthReport(SyncState.IDLE, 0, 0, 0, 0, Optional.empty(), PeerHealth.UNKNOWN,
                Map.of("caldav", PeerHealth.UNKNOWN));
        failure = null;
    }

    @Override
    public SyncStatus status() {
        if (failure != null) {
            throw failure;
        }
        return status;
    }

    @Override
    public HealthReport health() {
        if (failure != null) {
            throw failure;
        }
        return health;
    }

    static final Instant PEER_SINCE = Instant.parse("2025-12-27T10:20:00Z");
    static final Instant PEER_CHECKED = Instant.parse("2025-12-27T10:29:30Z");

    /** A peer in {@code state} since {@link #PEER_SINCE}, last heard of at {@link #PEER_CHECKED}. */
    static PeerHealth peer(ConnectionState state) {
        switch (state) {
            case HEALTHY:
                return PeerHealth.healthy(PEER_SINCE, PEER_CHECKED);
            case UNHEALTHY:
                return PeerHealth.unhealthy(PEER_SINCE, PEER_CHECKED, "could not reach the peer");
            default:
                return PeerHealth.UNKNOWN;
        }
    }
}
