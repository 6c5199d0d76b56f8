package io.calplanebot.adapter.http.dto;

/** {@code GET /}. */
public record ServiceStatus(String name, String version, String description, String status, String uptime) {
}
