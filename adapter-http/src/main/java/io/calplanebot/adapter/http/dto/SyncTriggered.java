package io.calplanebot.adapter.http.dto;

/** {@code POST /webhooks/sync}. */
public record SyncTriggered(String status, String message, String syncId, String timestamp) {
}
