package io.calplanebot.core.sync;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Where a full sync carries out the writes of one calendar's plan: up to {@code parallelism} at once on
 * {@code executor} (a server that scales with connections, like DAViCal, then writes several events at a time), or one
 * after another in the sync's own thread. The same executor reads each target's calendars while the issues are
 * listed ({@link FullSyncRun}).
 */
record Writers(Executor executor, int parallelism) {
    static final Writers SEQUENTIAL = new Writers(Runnable::run, 1);

    Writers {
        Objects.requireNonNull(executor, "executor");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
    }
}
