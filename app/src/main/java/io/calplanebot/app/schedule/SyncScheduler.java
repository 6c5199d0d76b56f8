package io.calplanebot.app.schedule;

import io.calplanebot.app.config.SyncConfig;
import io.calplanebot.core.port.in.RunFullSyncUseCase;
import io.calplanebot.core.port.in.RunSyncCommand;
import io.calplanebot.core.port.in.SyncInProgressException;
import io.calplanebot.core.port.in.SyncReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs the periodic full sync: the first at start, then one interval after each run ends. Reads the interval and
 * the on/off switch from the live settings, so an edited {@code .env} applies from the next run.
 */
public final class SyncScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncScheduler.class);

    private final RunFullSyncUseCase sync;
    private final Supplier<SyncConfig> settings;
    private final Consumer<Optional<Instant>> nextRunListener;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "calplanebot-scheduler");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> next;

    public SyncScheduler(RunFullSyncUseCase sync, Supplier<SyncConfig> settings,
                         Consumer<Optional<Instant>> nextRunListener, Clock clock) {
        this.sync = sync;
        this.settings = settings;
        this.nextRunListener = nextRunListener;
        this.clock = clock;
    }

    /** Schedules the first run now (when the periodic sync is enabled). */
    public synchronized void start() {
        scheduleIn(0);
    }

    /** Re-plans the next run after the settings changed. */
    public synchronized void settingsChanged() {
        scheduleIn(settings.get().interval().toMillis());
    }

    private synchronized void scheduleIn(long delayMillis) {
        if (next != null) {
            next.cancel(false);
            next = null;
        }
        if (timer.isShutdown()) {
            return;
        }
        if (!settings.get().enabled()) {
            nextRunListener.accept(Optional.empty());
            LOG.info("Periodic sync is off (ENABLE_SYNC=false); webhooks and the manual trigger still work");
            return;
        }
        next = timer.schedule(this::runOnce, delayMillis, TimeUnit.MILLISECONDS);
        nextRunListener.accept(Optional.of(clock.instant().plusMillis(delayMillis)));
    }

    private void runOnce() {
        SyncConfig config = settings.get();
        try {
            SyncReport report = sync.runFullSync(new RunSyncCommand(Set.of(), config.forceDelete(), false));
            LOG.debug("Periodic sync {} ended {}", report.syncId(), report.result());
        } catch (SyncInProgressException e) {
            LOG.info("Periodic sync skipped: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Periodic sync failed: {}", e.getMessage(), e);
        }
        scheduleIn(settings.get().interval().toMillis());
    }

    @Override
    public synchronized void close() {
        timer.shutdownNow();
        nextRunListener.accept(Optional.empty());
    }
}
