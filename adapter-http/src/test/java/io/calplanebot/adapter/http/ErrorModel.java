package io.calplanebot.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on the error model every error answer uses. */
final class ErrorModel {
    private ErrorModel() {
    }

    /** Checks status, the five fields and the code; returns the JSON for further checks. */
    static JsonNode assertError(Answer answer, int status, String code) {
        assertThat(answer.status()).as("status of %s", answer).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as("content type of %s", answer).startsWith("application/json");
        JsonNode json = answer.json();
        assertThat(json.path("status").asText()).isEqualTo("error");
        assertThat(json.path("error_code").asText()).as("error_code of %s", answer).isEqualTo(code);
        assertThat(json.path("message").isTextual()).isTrue();
        assertThat(json.path("message").asText()).isNotBlank();
        assertThat(json.path("details").isObject()).as("details of %s", answer).isTrue();
        assertThat(json.path("timestamp").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(json.size()).isEqualTo(5);
        return json;
    }
}
