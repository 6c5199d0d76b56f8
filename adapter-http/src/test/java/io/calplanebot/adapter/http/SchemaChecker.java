package io.calplanebot.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a JSON value against an OpenAPI 3.0 schema, for the subset the API's document uses: {@code $ref} to
 * {@code #/components/schemas}, {@code type}, {@code nullable}, {@code enum}, {@code required},
 * {@code properties}, {@code additionalProperties: false}, {@code items}, {@code pattern}, {@code minimum}.
 */
final class SchemaChecker {
    private final JsonNode document;

    SchemaChecker(JsonNode document) {
        this.document = document;
    }

    /** Every way the value breaks the schema, each with its JSON path; empty when it conforms. */
    List<String> violations(JsonNode schema, JsonNode value) {
        List<String> out = new ArrayList<>();
        check(schema, value, "$", out);
        return out;
    }

    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only local references are supported: " + ref);
            }
            current = document.at(ref.substring(1));
            if (current.isMissingNode()) {
                throw new IllegalArgumentException("dangling reference " + ref);
            }
        }
        return current;
    }

    private void check(JsonNode rawSchema, JsonNode value, String path, List<String> out) {
        JsonNode schema = resolve(rawSchema);
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                out.add(path + ": null is not allowed");
            }
            return;
        }
        String type = schema.path("type").asText("");
        if (!type.isEmpty() && !hasType(value, type)) {
            out.add(path + ": expected " + type + " but was " + value.getNodeType());
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            out.add(path + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (schema.has("pattern") && value.isTextual()
                && !Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
            out.add(path + ": '" + value.asText() + "' does not match " + schema.get("pattern").asText());
        }
        if (schema.has("minimum") && value.isNumber() && value.asDouble() < schema.get("minimum").asDouble()) {
            out.add(path + ": " + value + " is below " + schema.get("minimum"));
        }
        if (value.isObject()) {
            checkObject(schema, value, path, out);
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), path + "[" + i + "]", out);
            }
        }
    }

    private void checkObject(JsonNode schema, JsonNode value, String path, List<String> out) {
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                out.add(path + ": required property '" + required.asText() + "' is missing");
            }
        }
        JsonNode properties = schema.path("properties");
        boolean closed = schema.has("additionalProperties") && !schema.get("additionalProperties").asBoolean(true);
        Iterator<String> names = value.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (properties.has(name)) {
                check(properties.get(name), value.get(name), path + "." + name, out);
            } else if (closed) {
                out.add(path + ": property '" + name + "' is not in the schema");
            }
        }
    }

    private static boolean hasType(JsonNode value, String type) {
        switch (type) {
            case "object":
                return value.isObject();
            case "array":
                return value.isArray();
            case "string":
                return value.isTextual();
            case "integer":
                return value.isIntegralNumber();
            case "number":
                return value.isNumber();
            case "boolean":
                return value.isBoolean();
            default:
                throw new IllegalArgumentException("unsupported schema type " + type);
        }
    }

    private static boolean contains(JsonNode options, JsonNode value) {
        for (JsonNode option : options) {
            if (option.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
