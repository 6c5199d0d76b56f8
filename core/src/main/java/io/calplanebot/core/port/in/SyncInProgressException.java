package io.calplanebot.core.port.in;

/** A full sync was asked for while another one is running. */
public class SyncInProgressException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String runningSyncId;

    public SyncInProgressException(String runningSyncId) {
        super("A sync is already running (sync_id " + runningSyncId + "); try again when it has finished");
        this.runningSyncId = runningSyncId;
    }

    public String runningSyncId() {
        return runningSyncId;
    }
}
