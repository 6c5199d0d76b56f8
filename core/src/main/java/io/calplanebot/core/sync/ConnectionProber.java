package io.calplanebot.core.sync;

import io.calplanebot.core.port.out.TaskScheduler;

import java.time.Duration;
import java.util.Objects;

/**
 * Probes the peers in the background so that health can answer from what is known without contacting anyone: a
 * round soon after start, then one every interval, each probing only the peers that no real request told about
 * within the interval (one attempt each, with the timing's timeout). The state store is a peer too: what it shares
 * between replicas is read into the {@link StatusRecord} every second. Runs on the scheduler's thread; a failing probe
 * never stops the rounds.
 */
public final class ConnectionProber implements AutoCloseable {
    private final StatusRecord record;
    private final TaskScheduler scheduler;
    private final ProbeTiming timing;
    private TaskScheduler.Cancellable next;
    private TaskScheduler.Cancellable refresh;
    private boolean closed;

    ConnectionProber(StatusRecord record, TaskScheduler scheduler, ProbeTiming timing) {
        this.record = Objects.requireNonNull(record, "record");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.timing = Objects.requireNonNull(timing, "timing");
    }

    /** How often the state store's shared view (last run, full-sync lease) is read into memory for health. */
    static final Duration SHARED_REFRESH = Duration.ofSeconds(1);

    /**
     * Reads the state store's shared view once, then schedules the first round after the timing's first delay and
     * a refresh of that view every {@link #SHARED_REFRESH}.
     */
    public synchronized void start() {
        record.refreshShared();
        scheduleIn(timing.firstDelay());
        refreshIn(SHARED_REFRESH);
    }

    private synchronized void refreshIn(Duration delay) {
        if (!closed) {
            refresh = scheduler.schedule(delay, () -> {
                record.refreshShared();
                refreshIn(SHARED_REFRESH);
            });
        }
    }

    private synchronized void scheduleIn(Duration delay) {
        if (!closed) {
            next = scheduler.schedule(delay, this::round);
        }
    }

    private void round() {
        try {
            record.probeStale(timing.interval(), timing.timeout());
        } finally {
            scheduleIn(timing.interval());
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (next != null) {
            next.cancel();
            next = null;
        }
        if (refresh != null) {
            refresh.cancel();
            refresh = null;
        }
    }
}
