package io.calplanebot.adapter.http;

import io.calplanebot.core.port.in.RunFullSyncUseCase;
import io.calplanebot.core.port.in.RunSyncCommand;
import io.calplanebot.core.port.in.SyncReport;
import io.calplanebot.core.port.in.SyncTicket;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records the commands it gets; answers with a fixed ticket or throws what the test set. Like the real trigger it
 * should only be made to throw {@link io.calplanebot.core.port.in.SyncInProgressException} or the failure to start a
 * run: what goes wrong during the run never reaches the trigger's caller (see {@code ManualSyncIT}).
 */
final class FakeRunFullSync implements RunFullSyncUseCase {
    final List<RunSyncCommand> triggered = new CopyOnWriteArrayList<>();
    volatile SyncTicket ticket = new SyncTicket("sync-1", Instant.parse("2025-12-27T10:30:00.123Z"));
    volatile RuntimeException failure;

    void reset() {
        triggered.clear();
        ticket = new SyncTicket("sync-1", Instant.parse("2025-12-27T10:30:00.123Z"));
        failure = null;
    }

    @Override
    public SyncReport runFullSync(RunSyncCommand command) {
        throw new AssertionError("the HTTP API only triggers syncs in the background");
    }

    @Override
    public SyncTicket triggerFullSync(RunSyncCommand command) {
        triggered.add(command);
        if (failure != null) {
            throw failure;
        }
        return ticket;
    }
}
