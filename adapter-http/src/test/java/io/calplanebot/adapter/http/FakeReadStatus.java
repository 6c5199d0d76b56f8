package io.calplanebot.adapter.http;

import io.calplanebot.core.port.in.ConnectionState;
import io.calplanebot.core.port.in.HealthReport;
import io.calplanebot.core.port.in.ReadStatusUseCase;
import io.calplanebot.core.port.in.SyncState;
import io.calplanebot.core.port.in.SyncStatus;

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
        health = new HealthReport(SyncState.IDLE, 0, 0, 0, 0, Optional.empty(), ConnectionState.UNKNOWN,
                ConnectionState.UNKNOWN, Map.of("caldav", ConnectionState.UNKNOWN));
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
}
