package io.calplanebot.sample;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A webhook delivery to send: the event name (for {@code X-Plane-Event}), the payload (kept in key order) and whether
 * the signature goes out as bare hex (Plane) or {@code sha256=<hex>} (the spec's example).
 */
public record WebhookDelivery(String event, Map<String, Object> payload, boolean prefixedSignature) {

    public WebhookDelivery {
        Objects.requireNonNull(event, "event");
        payload = new LinkedHashMap<>(payload);
    }

    /** Plane's envelope: {@code event, action, webhook_id, workspace_id, data, activity} in that order. */
    public static WebhookDelivery plane(String event, String action, String webhookId, String workspaceId,
                                        Map<String, Object> data, Map<String, Object> activity) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("event", event);
        payload.put("action", action);
        payload.put("webhook_id", webhookId);
        payload.put("workspace_id", workspaceId);
        payload.put("data", data);
        payload.put("activity", activity);
        return new WebhookDelivery(event, payload, false);
    }

    /** The spec's payload: {@code action, data, actor, created_at, workspace}; signed as {@code sha256=<hex>}. */
    public static WebhookDelivery spec(String action, Map<String, Object> data, Map<String, Object> actor,
                                       String createdAt, Map<String, Object> workspace) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("action", action);
        payload.put("data", data);
        payload.put("actor", actor);
        payload.put("created_at", createdAt);
        payload.put("workspace", workspace);
        return new WebhookDelivery("issue", payload, true);
    }

    /** The body bytes exactly as Plane sends and signs them (Python {@code json.dumps}). */
    public byte[] body() {
        return PythonJson.dumpsBytes(payload);
    }

    /** The same delivery with one top-level payload field replaced (or removed when {@code value} is null). */
    public WebhookDelivery with(String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(payload);
        if (value == null) {
            changed.remove(field);
        } else {
            changed.put(field, value);
        }
        return new WebhookDelivery(event, changed, prefixedSignature);
    }

    /** The same delivery with one field of {@code data} replaced ({@code null} value: set to JSON null). */
    @SuppressWarnings("unchecked")
    public WebhookDelivery withData(String field, Object value) {
        Map<String, Object> data = new LinkedHashMap<>((Map<String, Object>) payload.get("data"));
        data.put(field, value);
        return with("data", data);
    }

    /** The same delivery without one field of {@code data}. */
    @SuppressWarnings("unchecked")
    public WebhookDelivery withoutData(String field) {
        Map<String, Object> data = new LinkedHashMap<>((Map<String, Object>) payload.get("data"));
        data.remove(field);
        return with("data", data);
    }

    public WebhookDelivery withPrefixedSignature(boolean prefixed) {
        return new WebhookDelivery(event, payload, prefixed);
    }
}
