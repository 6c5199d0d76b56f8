package io.calplanebot.core.port.out;

import io.calplanebot.core.port.in.RecordedRun;

import java.util.Optional;

/**
 * The finished full syncs of every replica, the newest kept: the last one is the service's status after a restart.
 * Failures are {@link StateStoreException}s.
 */
public interface SyncRunLog {

    /** Keeps a finished run (the log keeps the newest 100). */
    void record(RecordedRun run);

    /** The run that finished last, on any replica. */
    Optional<RecordedRun> last();
}
