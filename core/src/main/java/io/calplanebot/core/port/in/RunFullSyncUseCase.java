package io.calplanebot.core.port.in;

/** Mirrors every project into its calendar. Only one full sync runs at a time. */
public interface RunFullSyncUseCase {

    /**
     * Runs a full sync now, in the calling thread.
     *
     * @throws SyncInProgressException when another full sync is running
     */
    SyncReport runFullSync(RunSyncCommand command);

    /**
     * Starts a full sync in the background and returns at once.
     *
     * @throws SyncInProgressException when another full sync is running
     */
    SyncTicket triggerFullSync(RunSyncCommand command);
}
