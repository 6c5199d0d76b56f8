package io.calplanebot.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calplanebot.adapter.http.route.DocsRoutes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The checker the contract test relies on must reject what breaks a schema, or that test proves nothing. */
class SchemaCheckerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final JsonNode document = DocsRoutes.openApiDocument("test");
    private final SchemaChecker checker = new SchemaChecker(document);
    private final JsonNode error = document.at("/components/schemas/Error");

    private JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    @Test
    void conformingErrorBody_hasNoViolations() throws Exception {
        assertThat(checker.violations(error, json("{\"status\":\"error\",\"message\":\"m\",\"error_code\":\"NOT_FOUND\","
                + "\"details\":{},\"timestamp\":\"2025-12-27T10:30:00Z\"}"))).isEmpty();
    }

    @Test
    void missingRequired_wrongType_unknownEnum_extraProperty_badPattern_areEachReported() throws Exception {
        var violations = checker.violations(error, json("{\"status\":\"oops\",\"message\":3,\"error_code\":\"NOPE\","
                + "\"timestamp\":\"2025-12-27T10:30:00.5Z\",\"extra\":1}"));

        assertThat(violations).anyMatch(v -> v.contains("'details' is missing"))
                .anyMatch(v -> v.contains("$.message: expected string"))
                .anyMatch(v -> v.contains("\"NOPE\" is not one of"))
                .anyMatch(v -> v.contains("\"oops\" is not one of"))
                .anyMatch(v -> v.contains("'extra' is not in the schema"))
                .anyMatch(v -> v.contains("does not match"));
    }

    @Test
    void nullIsRejected_unlessNullable() throws Exception {
        JsonNode status = document.at("/components/schemas/SyncStatus");

        assertThat(checker.violations(status, json("{\"status\":\"idle\",\"last_sync\":null,\"next_sync\":null,"
                + "\"queue_length\":0}"))).isEmpty();
        assertThat(checker.violations(status, json("{\"status\":null,\"last_sync\":null,\"next_sync\":null,"
                + "\"queue_length\":-1}"))).hasSize(2);
    }

    @Test
    void everyReferenceInTheDocument_resolves() {
        document.findParents("$ref").forEach(node -> assertThat(checker.resolve(node)).isNotNull());
        assertThat(document.findParents("$ref")).hasSizeGreaterThan(20);
    }
}
