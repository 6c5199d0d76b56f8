package io.calplanebot.adapter.http.route;

import io.calplanebot.adapter.http.ServiceInfo;
import io.calplanebot.adapter.http.dto.BasicHealth;
import io.calplanebot.adapter.http.dto.DetailedHealth;
import io.calplanebot.adapter.http.dto.HealthMetrics;
import io.calplanebot.adapter.http.dto.ServiceStatus;
import io.calplanebot.adapter.http.support.Json;
import io.calplanebot.adapter.http.support.Timestamps;
import io.calplanebot.core.port.in.HealthReport;
import io.calplanebot.core.port.in.ReadStatusUseCase;
import io.javalin.config.RoutesConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** {@code GET /}, {@code GET /health} and {@code GET /api/v1/health}: unlimited, unauthenticated. */
public final class StatusRoutes {
    private final ReadStatusUseCase status;
    private final ServiceInfo service;
    private final Instant startedAt;
    private final Clock clock;

    public StatusRoutes(ReadStatusUseCase status, ServiceInfo service, Instant startedAt, Clock clock) {
        this.status = status;
        this.service = service;
        this.startedAt = startedAt;
        this.clock = clock;
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/", ctx -> Json.write(ctx, 200, new ServiceStatus(service.name(), service.version(),
                service.description(), "running", uptime())));
        routes.get("/health", ctx -> Json.write(ctx, 200,
                new BasicHealth(healthWord(status.health()), Timestamps.iso(clock.instant()))));
        routes.get("/api/v1/health", ctx -> {
            HealthReport report = status.health();
            Json.write(ctx, 200, new DetailedHealth(healthWord(report), Timestamps.iso(clock.instant()),
                    service.version(), uptime(), HealthMetrics.from(report)));
        });
    }

    private String uptime() {
        return Timestamps.uptime(Duration.between(startedAt, clock.instant()));
    }

    private static String healthWord(HealthReport report) {
        return report.healthy() ? "healthy" : "unhealthy";
    }
}
