package io.calplanebot.adapter.plane.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.calplanebot.adapter.plane.json.PlaneDates;
import io.calplanebot.core.domain.webhook.WebhookRejectedException;
import io.calplanebot.core.domain.webhook.WebhookRejectedException.Reason;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads fields of a webhook body, rejecting with the field's JSON path when one is missing or malformed. */
public final class WebhookFields {
    /** Plane's ids are UUIDs; nothing else may reach a request path. */
    private static final Pattern PLANE_ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private WebhookFields() {
    }

    static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    /** A required non-blank string. */
    public static String requiredText(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (absent(node)) {
            throw WebhookRejectedException.missingField(path);
        }
        if (!node.isTextual()) {
            throw invalidField(path, "must be a string");
        }
        if (node.asText().isBlank()) {
            throw WebhookRejectedException.missingField(path);
        }
        return node.asText();
    }

    /** A required Plane id: a UUID string. Anything else (a dot segment, a slash, an escape) is rejected. */
    public static String requiredId(JsonNode parent, String field, String path) {
        return checkedId(requiredText(parent, field, path), path);
    }

    /** A required JSON object. */
    public static JsonNode requiredObject(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (absent(node)) {
            throw WebhookRejectedException.missingField(path);
        }
        if (!node.isObject()) {
            throw invalidField(path, "must be a JSON object");
        }
        return node;
    }

    /**
     * An id given either as a string (Plane: {@code "project": "<uuid>"}) or as an object with an {@code id} (the
     * spec: {@code "project": {"id": …}}); empty when absent.
     */
    public static Optional<String> reference(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (absent(node)) {
            return Optional.empty();
        }
        if (node.isObject()) {
            return Optional.of(requiredId(node, "id", path + ".id"));
        }
        if (!node.isTextual()) {
            throw invalidField(path, "must be an id string or an object with an id");
        }
        if (node.asText().isBlank()) {
            throw WebhookRejectedException.missingField(path);
        }
        return Optional.of(checkedId(node.asText(), path));
    }

    private static String checkedId(String id, String path) {
        if (!PLANE_ID.matcher(id).matches()) {
            throw invalidField(path, "must be a Plane id (a UUID)");
        }
        return id;
    }

    /** Checks an optional {@code YYYY-MM-DD} date. */
    public static void checkDate(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (absent(node)) {
            return;
        }
        if (!node.isTextual()) {
            throw WebhookRejectedException.invalidDate(path);
        }
        try {
            PlaneDates.date(node.asText());
        } catch (DateTimeException e) {
            throw WebhookRejectedException.invalidDate(path);
        }
    }

    /** Reads an optional ISO-8601 datetime. */
    public static Optional<Instant> dateTime(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (absent(node)) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw WebhookRejectedException.invalidDate(path);
        }
        try {
            return Optional.of(PlaneDates.dateTime(node.asText()));
        } catch (DateTimeException | ArithmeticException e) {
            throw WebhookRejectedException.invalidDate(path);
        }
    }

    public static WebhookRejectedException invalidField(String path, String problem) {
        return new WebhookRejectedException(Reason.INVALID_FIELD, "Invalid field " + path + ": " + problem, path);
    }
}
