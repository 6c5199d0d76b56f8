package io.calplanebot.app.wiring;

import io.calplanebot.adapter.state.JdbcStateStore;
import io.calplanebot.app.config.StateConfig;
import java.nio.file.Path;
import io.calplanebot.adapter.caldav.CalDavCalendarStore;
import io.calplanebot.adapter.caldav.CalDavSettings;
import io.calplanebot.adapter.plane.PlaneIssueSource;
import io.calplanebot.adapter.plane.PlaneSettings;
import io.calplanebot.adapter.plane.PlaneWebhookDecoder;
import io.calplanebot.app.config.AppConfig;
import io.calplanebot.app.config.Secret;
import io.calplanebot.core.mapping.IssueEventMapper;
import io.calplanebot.core.mapping.MappingSettings;
import io.calplanebot.core.port.out.CalendarStore;
import io.calplanebot.core.port.out.IssueSource;
import io.calplanebot.core.port.out.IssueWebhookDecoder;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;

import io.calplanebot.core.sync.SyncRuntime;
import io.calplanebot.core.sync.SyncTarget;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Builds the adapters from the configuration: the one place that knows their builders. */
public final class Adapters {
    /** The name of the CalDAV account's target in reports, status and metrics. */
    public static final String CALDAV = "caldav";
    /** The name of the built-in store's target: always there, it is what the feeds serve. */
    public static final String BUILTIN = "builtin";
    /** How long {@code diagnose} waits for a connection to Plane or the CalDAV server. */
    static final Duration DIAGNOSE_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** The file in {@code DATA_DIR} where the CalDAV store keeps each event's ETag and what ours hold. */
    public static final String CALDAV_STATUS_FILE = "caldav-status.bin";

    /** How long {@code diagnose} waits for an answer once connected. */
    static final Duration DIAGNOSE_RESPONSE_TIMEOUT = Duration.ofSeconds(4);

    private Adapters() {
    }

    /**
     * The Plane source, its retry registered (replacing any earlier one) in {@code retries} and its calls timed in
     * {@code registry}.
     */
    public static IssueSource issueSource(AppConfig config, RetryRegistry retries, MeterRegistry registry) {
        retries.remove("plane-api");
        return PlaneIssueSource.builder().settings(config.plane()).retryRegistry(retries).meterRegistry(registry)
                .build();
    }

    /**
     * The CalDAV store on the service's clock, its retry and circuit breaker registered (replacing earlier ones) and
     * its calls timed in {@code registry}.
     */
    public static CalendarStore calendarStore(CalDavSettings settings, Path dataDirectory, Clock clock,
                                              RetryRegistry retries, CircuitBreakerRegistry breakers,
                                              MeterRegistry registry) {
        retries.remove("caldav");
        breakers.remove("caldav");
        return CalDavCalendarStore.builder(settings.withClock(clock))
                .resilienceRegistries(retries, breakers).meterRegistry(registry)
                .knownVersionsFile(dataDirectory.resolve(CALDAV_STATUS_FILE)).build();
    }

    /**
     * A Plane source for {@code diagnose}: short timeouts and no retries, so that it answers within seconds when
     * Plane does not.
     */
    public static PlaneIssueSource diagnosticIssueSource(AppConfig config) {
        PlaneSettings s = config.plane();
        return PlaneIssueSource.builder().settings(new PlaneSettings(s.baseUrl(), s.apiKey(), s.workspaceSlug(),
                s.projects(), s.perPage(), s.rateLimitPerMinute(), DIAGNOSE_CONNECT_TIMEOUT, DIAGNOSE_RESPONSE_TIMEOUT,
                1, s.retryBackoff(), s.maxRetryAfter())).build();
    }

    /**
     * A CalDAV store for {@code diagnose}: short timeouts and no retries, so that it answers within seconds when
     * the server does not.
     */
    public static CalDavCalendarStore diagnosticCalendarStore(CalDavSettings s, Clock clock) {
        return CalDavCalendarStore.builder(new CalDavSettings(s.url(), s.username(), s.password(), s.authType(),
                DIAGNOSE_CONNECT_TIMEOUT, DIAGNOSE_RESPONSE_TIMEOUT, clock)).retries(1, Duration.ofMillis(1)).build();
    }

    /**
     * The state store the configuration names: PostgreSQL when {@code DATABASE_URL} is set (at most
     * {@code maxConnections} connections), otherwise the embedded database in {@code dataDirectory}.
     */
    public static JdbcStateStore stateStore(StateConfig state, Path dataDirectory, int maxConnections) {
        return state.database().map(url -> JdbcStateStore.postgres(url, maxConnections))
                .orElseGet(() -> JdbcStateStore.embedded(dataDirectory));
    }

    public static IssueWebhookDecoder webhookDecoder(AppConfig config) {
        return PlaneWebhookDecoder.of(config.planeWeb().webhookSecret().map(Secret::reveal));
    }

    /**
     * Everything one configuration connects the sync to, closing its clients when it is retired: the built-in store
     * (opened once per process, not closed with the runtime) and the CalDAV account when one is configured. Calls to
     * Plane and the CalDAV server are timed in {@code registry}.
     */
    public static SyncRuntime runtime(AppConfig config, CalendarStore builtin, Clock clock, RetryRegistry retries,
                                      CircuitBreakerRegistry breakers, MeterRegistry registry) {
        IssueSource source = issueSource(config, retries, registry);
        List<SyncTarget> targets = new ArrayList<>();
        targets.add(SyncTarget.local(BUILTIN, builtin));
        List<AutoCloseable> resources = new ArrayList<>();
        resources.add(Closing.of(source));
        config.calDav().ifPresent(settings -> {
            CalendarStore store = calendarStore(settings, config.dataDir(), clock, retries, breakers, registry);
            targets.add(new SyncTarget(CALDAV, store));
            resources.add(Closing.of(store));
        });
        return new SyncRuntime(source, targets, mapper(config), Optional.of(webhookDecoder(config)), resources);
    }

    public static IssueEventMapper mapper(AppConfig config) {
        return new IssueEventMapper(new MappingSettings(config.planeWeb().webUrl().toString(),
                config.plane().workspaceSlug(), config.planeWeb().titleFormat()));
    }
}
