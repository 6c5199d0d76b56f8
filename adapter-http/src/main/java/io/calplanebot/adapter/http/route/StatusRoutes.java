package io.calplanebot.adapter.http.route;

import io.calplanebot.adapter.http.ServiceInfo;
import io.calplanebot.adapter.http.dto.BasicHealth;
import io.calplanebot.adapter.http.dto.DetailedHealth;
import io.calplanebot.adapter.http.dto.HealthMetrics;
import io.calplanebot.adapter.http.dto.ServiceStatus;
import io.calplanebot.adapter.http.support.AcceptHeader;
import io.calplanebot.adapter.http.support.Json;
import io.calplanebot.adapter.http.support.Timestamps;
import io.calplanebot.core.port.in.HealthReport;
import io.calplanebot.core.port.in.ReadStatusUseCase;
import io.calplanebot.core.port.in.SyncStatus;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /}, {@code GET /health} and {@code GET /api/v1/health}: unlimited, unauthenticated. {@code GET /} is the
 * spec's JSON for API clients and the status page for a browser (one that prefers {@code text/html}).
 */
public final class StatusRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(StatusRoutes.class);
    /** Security headers of the status page: nothing but its own inline style may load or run. */
    private static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";

    private final ReadStatusUseCase status;
    private final ServiceInfo service;
    private final Instant startedAt;
    private final Clock clock;
    private final Supplier<List<String>> feedNames;
    private final StatusPage page;

    /** @param feedNames the names of the subscribable feeds, for the status page (never their tokens) */
    public StatusRoutes(ReadStatusUseCase status, ServiceInfo service, Instant startedAt, Clock clock,
                        Supplier<List<String>> feedNames) {
        this.status = status;
        this.service = service;
        this.startedAt = startedAt;
        this.clock = clock;
        this.feedNames = Objects.requireNonNull(feedNames, "feed names");
        this.page = new StatusPage(service);
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/", ctx -> {
            ctx.header("Vary", "Accept");
            if (AcceptHeader.prefersHtml(ctx.header("Accept"))) {
                statusPage(ctx);
            } else {
                Json.write(ctx, 200, new ServiceStatus(service.name(), service.version(), service.description(),
                        "running", uptime()));
            }
        });
        routes.get("/health", ctx -> Json.write(ctx, 200,
                new BasicHealth(healthWord(status.health()), Timestamps.iso(clock.instant()))));
        routes.get("/api/v1/health", ctx -> {
            HealthReport report = status.health();
            Json.write(ctx, 200, new DetailedHealth(healthWord(report), Timestamps.iso(clock.instant()),
                    service.version(), uptime(), HealthMetrics.from(report)));
        });
    }

    private void statusPage(Context ctx) {
        Optional<SyncStatus> current;
        Optional<HealthReport> health;
        try {
            current = Optional.of(status.status());
            health = Optional.of(status.health());
        } catch (RuntimeException e) {
            LOG.warn("The status page could not read the sync status: {}", e.toString());
            current = Optional.empty();
            health = Optional.empty();
        }
        String html = page.render(current, health, feedNames.get(), clock.instant(),
                Duration.between(startedAt, clock.instant()));
        ctx.header("Content-Security-Policy", PAGE_POLICY).header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store").contentType("text/html; charset=utf-8").result(html);
    }

    private String uptime() {
        return Timestamps.uptime(Duration.between(startedAt, clock.instant()));
    }

    private static String healthWord(HealthReport report) {
        return report.healthy() ? "healthy" : "unhealthy";
    }
}
