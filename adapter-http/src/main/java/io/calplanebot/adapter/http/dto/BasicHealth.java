package io.calplanebot.adapter.http.dto;

/** {@code GET /health}. */
public record BasicHealth(String status, String timestamp) {
}
