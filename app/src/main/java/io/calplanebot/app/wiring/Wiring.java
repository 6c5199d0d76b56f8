package io.calplanebot.app.wiring;

import io.calplanebot.app.config.AppConfig;
import io.calplanebot.app.observe.MeteredCalendarStore;
import io.calplanebot.app.observe.MeteredIssueSource;
import io.calplanebot.core.port.out.CalendarStore;
import io.calplanebot.core.port.out.IssueSource;
import io.calplanebot.core.port.out.IssueWebhookDecoder;
import io.calplanebot.core.port.out.SyncListener;
import io.calplanebot.core.sync.SyncService;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.util.Objects;

/**
 * The core service over the real adapters, built from one configuration. The adapters sit behind swappable
 * wrappers so that a reloaded configuration takes effect without losing the service's status and counters. Their
 * retries and circuit breaker are registered in resilience4j registries published to the meter registry.
 */
public final class Wiring {
    private final SwappableIssueSource source;
    private final SwappableCalendarStore store;
    private final SwappableWebhookDecoder decoder;
    private final IssueSource meteredSource;
    private final CalendarStore meteredStore;
    private final SyncService syncService;
    private final Clock clock;
    private final RetryRegistry retries = RetryRegistry.ofDefaults();
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    private volatile AppConfig config;

    public Wiring(AppConfig config, Clock clock, SyncListener listener, MeterRegistry registry) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(registry);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry);
        this.source = new SwappableIssueSource(Adapters.issueSource(config, retries));
        this.store = new SwappableCalendarStore(Adapters.calendarStore(config, clock, retries, breakers));
        this.decoder = new SwappableWebhookDecoder(Adapters.webhookDecoder(config));
        this.meteredSource = new MeteredIssueSource(source, registry);
        this.meteredStore = new MeteredCalendarStore(store, registry);
        this.syncService = SyncService.builder()
                .issueSource(meteredSource)
                .calendarStore(meteredStore)
                .mapper(Adapters.mapper(config))
                .clock(clock)
                .listener(listener)
                .build();
    }

    /** Rebuilds the adapters and the mapping whose settings changed. */
    public synchronized void reload(AppConfig next) {
        if (!next.plane().equals(config.plane()) || !next.planeWeb().equals(config.planeWeb())) {
            source.swap(Adapters.issueSource(next, retries));
            decoder.swap(Adapters.webhookDecoder(next));
            syncService.updateMapper(Adapters.mapper(next));
        }
        if (!next.calDav().equals(config.calDav())) {
            store.swap(Adapters.calendarStore(next, clock, retries, breakers));
        }
        config = next;
    }

    public AppConfig config() {
        return config;
    }

    public SyncService syncService() {
        return syncService;
    }

    public IssueSource issueSource() {
        return meteredSource;
    }

    public CalendarStore calendarStore() {
        return meteredStore;
    }

    public IssueWebhookDecoder webhookDecoder() {
        return decoder;
    }
}
