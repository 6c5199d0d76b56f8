package io.calplanebot.adapter.plane.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/** Reads fields of Plane's JSON, throwing {@link UnreadableItemException} for missing or mistyped ones. */
final class JsonFields {
    private JsonFields() {
    }

    static boolean isNull(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    static String requiredText(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (isNull(node) || !node.isTextual()) {
            throw new UnreadableItemException("\"" + field + "\" is missing or not a string");
        }
        return node.asText();
    }

    static String requiredNonBlank(JsonNode parent, String field) {
        String value = requiredText(parent, field);
        if (value.isBlank()) {
            throw new UnreadableItemException("\"" + field + "\" is blank");
        }
        return value;
    }

    static Optional<String> optionalText(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (isNull(node)) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new UnreadableItemException("\"" + field + "\" is not a string");
        }
        return Optional.of(node.asText());
    }

    static boolean flag(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node != null && node.isBoolean() && node.asBoolean();
    }

    static boolean present(JsonNode parent, String field) {
        return !isNull(parent.get(field));
    }
}
