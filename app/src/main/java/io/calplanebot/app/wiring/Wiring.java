package io.calplanebot.app.wiring;

import io.calplanebot.adapter.builtin.VdirCalendarStore;
import io.calplanebot.adapter.state.JdbcStateStore;
import io.calplanebot.app.config.AppConfig;
import io.calplanebot.app.config.SyncConfig;
import io.calplanebot.core.port.out.SyncListener;
import io.calplanebot.core.port.out.TaskScheduler;
import io.calplanebot.core.sync.PipelineTiming;
import io.calplanebot.core.sync.ProbeTiming;
import io.calplanebot.core.sync.SyncEngine;
import io.calplanebot.core.sync.SyncRuntime;
import io.calplanebot.core.sync.SyncSchedule;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The core engine over the real adapters, built from one configuration. A reloaded configuration becomes a new
 * immutable {@link SyncRuntime} that the engine switches to; status and counters stay. The adapters' retries and
 * circuit breaker are registered in resilience4j registries published to the meter registry.
 */
public final class Wiring implements AutoCloseable {
    /** Webhook changes applied at once (to different issues): a calendar write waits on the server, not on us. */
    private static final int APPLY_THREADS = 3;

    private final SyncEngine engine;
    private final ExecutorService applyThreads;
    /**
     * The most events a full sync writes at once in one calendar (fewer while a store is found unreachable):
     * DAViCal writes 1,000 events in half the time over 4 connections; the CalDAV client keeps up to 5 per server.
     */
    private static final int PARALLEL_WRITES = 4;
    private final ExecutorService writeThreads;
    private final VdirCalendarStore builtin;
    private final JdbcStateStore state;
    private final Clock clock;
    private final MeterRegistry registry;
    private final RetryRegistry retries = RetryRegistry.ofDefaults();
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    private volatile AppConfig config;

    /** The engine for a one-shot command: changes applied at once, no periodic sync. */
    public Wiring(AppConfig config, Clock clock, SyncListener listener, MeterRegistry registry) {
        this(config, clock, listener, registry, TaskScheduler.IMMEDIATE, PipelineTiming.IMMEDIATE, null, null);
    }

    /**
     * The engine for the service.
     *
     * @param pipeline  drives the webhook pipeline
     * @param periodic  runs the periodic full sync; null for none
     * @param probes    runs the background connection probes health reports from ({@link ProbeTiming#SERVICE});
     *                  null for none
     */
    public Wiring(AppConfig config, Clock clock, SyncListener listener, MeterRegistry registry,
                  TaskScheduler pipeline, PipelineTiming timing, TaskScheduler periodic, TaskScheduler probes) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.registry = Objects.requireNonNull(registry, "registry");
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(registry);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry);
        this.builtin = VdirCalendarStore.open(config.dataDir(), clock);
        try {
            this.state = openState(config);
        } catch (RuntimeException e) {
            builtin.close();
            throw e;
        }
        SyncEngine.Builder builder = SyncEngine.builder()
                .runtime(runtime(config))
                .clock(clock)
                .listener(listener)
                .pipeline(pipeline, timing)
                .state(state, processName());
        // a full sync's workers: they read the calendars while Plane is listed, then write up to 4 events at once to
        // the CalDAV server (fewer while it is found unreachable) while one writes the built-in store
        writeThreads = Executors.newFixedThreadPool(PARALLEL_WRITES + 1, daemon("calplanebot-sync-worker-"));
        builder.fullSyncWriters(writeThreads, PARALLEL_WRITES);
        if (pipeline != TaskScheduler.IMMEDIATE) {
            builder.crashRecovery(pipeline, config.state().inboxTiming());
            applyThreads = Executors.newFixedThreadPool(APPLY_THREADS, daemon("calplanebot-apply-"));
            builder.pipelineWorkers(applyThreads, APPLY_THREADS);
        } else {
            applyThreads = null;
        }
        if (periodic != null) {
            builder.periodic(periodic, () -> schedule(this.config.sync()));
        }
        if (probes != null) {
            builder.probes(probes, ProbeTiming.SERVICE);
            builder.lease(config.state().takeOver(), probes);
        }
        this.engine = builder.build();
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, prefix + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * The state store: PostgreSQL when {@code DATABASE_URL} is set, otherwise the embedded database in the data
     * directory (opened after the data directory's lock is held, so only this process uses it).
     */
    private static JdbcStateStore openState(AppConfig config) {
        JdbcStateStore store = Adapters.stateStore(config.state(), config.dataDir(), config.state().maxConnections());
        LoggerFactory.getLogger(Wiring.class).info("State store: {}", config.state().database()
                .map(url -> "PostgreSQL at " + url).orElse("embedded database in " + config.dataDir()));
        return store;
    }

    /** This process among the replicas: host, process id and a random part (a restarted process is a new one). */
    static String processName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid() + "/"
                + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    /** Switches to adapters built from {@code next} when their settings changed; the rest applies at once. */
    public synchronized void reload(AppConfig next) {
        if (!next.dataDir().equals(config.dataDir())) {
            LoggerFactory.getLogger(Wiring.class).warn("DATA_DIR changes take effect at the next restart");
        }
        if (!next.state().equals(config.state())) {
            LoggerFactory.getLogger(Wiring.class).warn("DATABASE_URL changes take effect at the next restart");
        }
        boolean adaptersChanged = !next.plane().equals(config.plane()) || !next.planeWeb().equals(config.planeWeb())
                || !next.calDav().equals(config.calDav());
        config = next;
        if (adaptersChanged) {
            engine.reload(runtime(next));
        }
    }

    private SyncRuntime runtime(AppConfig from) {
        return Adapters.runtime(from, builtin, clock, retries, breakers, registry);
    }

    /** The state store: PostgreSQL or the embedded database. */
    public JdbcStateStore state() {
        return state;
    }

    /** The built-in store, which the feeds serve. */
    public VdirCalendarStore builtinStore() {
        return builtin;
    }

    static SyncSchedule schedule(SyncConfig sync) {
        return new SyncSchedule(sync.interval(), sync.enabled(), sync.forceDelete());
    }

    public AppConfig config() {
        return config;
    }

    public SyncEngine engine() {
        return engine;
    }

    @Override
    public void close() {
        engine.close();
        writeThreads.shutdown();
        if (applyThreads != null) {
            applyThreads.shutdown();
        }
        state.close();
        builtin.close();
    }
}
