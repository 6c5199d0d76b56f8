package io.calplanebot.adapter.http.dto;

/** {@code GET /api/v1/health}. */
public record DetailedHealth(String status, String timestamp, String version, String uptime, HealthMetrics metrics) {
}
