package io.calplanebot.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.calplanebot.core.domain.webhook.RawWebhook;
import io.calplanebot.core.domain.webhook.WebhookRejectedException;
import io.calplanebot.core.domain.webhook.WebhookRejectedException.Reason;
import io.calplanebot.core.port.in.WebhookReceipt;
import io.calplanebot.core.port.in.WebhookReceipt.Disposition;
import io.calplanebot.core.port.out.CalendarStoreException;
import io.calplanebot.core.port.out.IssueSourceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookEndpointIT extends SharedServer {
    static final String SPEC_PAYLOAD = "{\"action\":\"created\",\"data\":{\"id\":\"issue-uuid\",\"name\":\"Issue title\","
            + "\"target_date\":\"2025-12-27\",\"sequence_id\":42,\"priority\":\"high\","
            + "\"project\":{\"id\":\"project-uuid\",\"name\":\"My Project\",\"identifier\":\"MP\"}}}";
    private static final int MIB = 1024 * 1024;

    @Test
    void accepted_answersProcessed_withIssueIdAndAction() {
        Answer answer = t.postJson("/webhooks/plane", SPEC_PAYLOAD);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode json = answer.json();
        assertThat(json.path("status").asText()).isEqualTo("processed");
        assertThat(json.path("message").asText()).isEqualTo("Issue sync triggered");
        assertThat(json.path("issue_id").asText()).isEqualTo("issue-uuid");
        assertThat(json.path("action").asText()).isEqualTo("created");
        assertThat(json.size()).isEqualTo(4);
    }

    @Test
    void delivery_isHandedOnAsRawBytesWithEveryHeader() {
        byte[] body = "{ \"action\" : \"updated\",\n  \"data\":{\"id\":\"\u00e9\"} }".getBytes(StandardCharsets.UTF_8);

        t.post("/webhooks/plane", body, "Content-Type", "application/json; charset=UTF-8",
                "X-Plane-Signature", "sha256=abc123", "X-Plane-Delivery", "d-1", "X-Plane-Event", "issue");

        assertThat(t.webhooks.received).hasSize(1);
        RawWebhook raw = t.webhooks.received.get(0);
        assertThat(raw.body()).isEqualTo(body);
        assertThat(raw.header("x-plane-signature")).contains("sha256=abc123");
        assertThat(raw.header("X-Plane-Delivery")).contains("d-1");
        assertThat(raw.header("X-Plane-Event")).contains("issue");
        assertThat(raw.header("content-type").orElseThrow()).isEqualToIgnoringCase("application/json; charset=UTF-8");
    }

    @Test
    void ignoredEvent_answers200Ignored() {
        t.webhooks.answer(new WebhookReceipt(Disposition.IGNORED, "cycle", "created", Optional.empty()));

        Answer answer = t.postJson("/webhooks/plane", SPEC_PAYLOAD);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("status").asText()).isEqualTo("ignored");
        assertThat(answer.json().path("message").asText()).contains("cycle");
        assertThat(answer.json().path("issue_id").isNull()).isTrue();
        assertThat(answer.json().path("action").asText()).isEqualTo("created");
    }

    @Test
    void duplicateDelivery_answers200_andSaysSo() {
        t.webhooks.answer(new WebhookReceipt(Disposition.DUPLICATE, "issue", "updated", Optional.of("issue-uuid")));

        Answer answer = t.postJson("/webhooks/plane", SPEC_PAYLOAD);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("status").asText()).isEqualTo("processed");
        assertThat(answer.json().path("message").asText()).containsIgnoringCase("duplicate");
    }

    @Test
    void projectChange_answersProcessed_withNullIssueId() {
        t.webhooks.answer(new WebhookReceipt(Disposition.ACCEPTED, "project", "updated", Optional.empty()));

        JsonNode json = t.postJson("/webhooks/plane", SPEC_PAYLOAD).json();

        assertThat(json.path("status").asText()).isEqualTo("processed");
        assertThat(json.path("issue_id").isNull()).isTrue();
    }

    @Test
    void invalidSignature_answers401() {
        t.webhooks.fail(new WebhookRejectedException(Reason.INVALID_SIGNATURE, "Invalid webhook signature"));

        JsonNode json = ErrorModel.assertError(t.postJson("/webhooks/plane", SPEC_PAYLOAD), 401, "INVALID_SIGNATURE");

        assertThat(json.path("message").asText()).isEqualTo("Invalid webhook signature");
    }

    @Test
    void missingField_answers422_naming_theField() {
        t.webhooks.fail(WebhookRejectedException.missingField("data.id"));

        JsonNode json = ErrorModel.assertError(t.postJson("/webhooks/plane", SPEC_PAYLOAD), 422, "MISSING_REQUIRED_FIELD");

        assertThat(json.path("details").path("field").asText()).isEqualTo("data.id");
        assertThat(json.path("details").path("reason").asText()).isEqualTo("missing");
    }

    @Test
    void invalidDate_answers422_naming_theField() {
        t.webhooks.fail(WebhookRejectedException.invalidDate("data.target_date"));

        JsonNode json = ErrorModel.assertError(t.postJson("/webhooks/plane", SPEC_PAYLOAD), 422, "INVALID_DATE_FORMAT");

        assertThat(json.path("details").path("field").asText()).isEqualTo("data.target_date");
    }

    @Test
    void invalidField_answers422ValidationError_naming_theField() {
        t.webhooks.fail(new WebhookRejectedException(Reason.INVALID_FIELD, "Unknown priority", "data.priority"));

        JsonNode json = ErrorModel.assertError(t.postJson("/webhooks/plane", SPEC_PAYLOAD), 422, "VALIDATION_ERROR");

        assertThat(json.path("details").path("field").asText()).isEqualTo("data.priority");
    }

    @Test
    void malformedJson_answers400InvalidJson() {
        t.webhooks.fail(new WebhookRejectedException(Reason.MALFORMED_JSON, "Malformed JSON at line 1"));

        ErrorModel.assertError(t.postJson("/webhooks/plane", "{\"action\":"), 400, "INVALID_JSON");
    }

    @Test
    void emptyBody_answers400InvalidJson_withoutCallingTheUseCase() {
        ErrorModel.assertError(t.post("/webhooks/plane", new byte[0], "Content-Type", "application/json"), 400, "INVALID_JSON");

        assertThat(t.webhooks.received).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/jsonx", "application/xml",
            "multipart/form-data; boundary=x", "json", "application/json-patch+json"})
    void otherContentType_answers415_withoutCallingTheUseCase(String contentType) {
        ErrorModel.assertError(t.post("/webhooks/plane", SPEC_PAYLOAD.getBytes(StandardCharsets.UTF_8),
                "Content-Type", contentType), 415, "UNSUPPORTED_MEDIA_TYPE");

        assertThat(t.webhooks.received).isEmpty();
    }

    @Test
    void missingContentType_answers415() {
        ErrorModel.assertError(t.post("/webhooks/plane", SPEC_PAYLOAD.getBytes(StandardCharsets.UTF_8)), 415,
                "UNSUPPORTED_MEDIA_TYPE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8",
            " application/json ; charset=\"utf-8\""})
    void jsonContentType_withOrWithoutParameters_isAccepted(String contentType) {
        Answer answer = t.post("/webhooks/plane", SPEC_PAYLOAD.getBytes(StandardCharsets.UTF_8), "Content-Type", contentType);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    @Test
    void bodyOfExactly1MiB_isAccepted() {
        byte[] body = paddedJson(MIB);

        Answer answer = t.post("/webhooks/plane", body, "Content-Type", "application/json");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(t.webhooks.received.get(0).bodyLength()).isEqualTo(MIB);
    }

    @Test
    void bodyOver1MiB_withContentLength_answers413_withoutCallingTheUseCase() {
        JsonNode json = ErrorModel.assertError(t.post("/webhooks/plane", paddedJson(MIB + 1), "Content-Type",
                "application/json"), 413, "PAYLOAD_TOO_LARGE");

        assertThat(json.path("details").path("max_bytes").asInt()).isEqualTo(MIB);
        assertThat(t.webhooks.received).isEmpty();
    }

    @Test
    void bodyOver1MiB_chunkedWithoutContentLength_answers413() {
        byte[] body = paddedJson(MIB + 10);
        HttpRequest request = t.request("/webhooks/plane")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        ErrorModel.assertError(t.send(request), 413, "PAYLOAD_TOO_LARGE");
        assertThat(t.webhooks.received).isEmpty();
    }

    static Stream<Arguments> upstreamFailures() {
        return Stream.of(
                Arguments.of(new CalendarStoreException(CalendarStoreException.Reason.UNREACHABLE, "dav.example: timeout"),
                        503, "CALDAV_CONNECTION_ERROR", "unreachable"),
                Arguments.of(new CalendarStoreException(CalendarStoreException.Reason.AUTHENTICATION, "rejected user bob"),
                        502, "CALDAV_CONNECTION_ERROR", "authentication"),
                Arguments.of(new IssueSourceException(IssueSourceException.Reason.UNREACHABLE, "plane down for bob"),
                        502, "PLANE_API_ERROR", "unreachable"),
                Arguments.of(new IssueSourceException(IssueSourceException.Reason.RATE_LIMITED, "bob hit the limit"),
                        502, "PLANE_API_ERROR", "rate_limited"));
    }

    @ParameterizedTest
    @MethodSource("upstreamFailures")
    void upstreamFailure_answersItsCode_withTheReason_butNotTheUpstreamMessage(RuntimeException failure, int status,
                                                                             String code, String reason) {
        t.webhooks.fail(failure);

        Answer answer = t.postJson("/webhooks/plane", SPEC_PAYLOAD);

        JsonNode json = ErrorModel.assertError(answer, status, code);
        assertThat(json.path("details").path("reason").asText()).isEqualTo(reason);
        assertThat(answer.body()).doesNotContain("bob");
    }

    @Test
    void aDeliveryTheStateStoreCouldNotKeep_answers503StateStoreUnavailable_withoutTheStoresMessage() {
        t.webhooks.fail(new io.calplanebot.core.port.out.StateStoreException(
                "The state store could not keep webhook deliveries: jdbc:postgresql://db/x password=s3cr3t", null));

        Answer answer = t.postJson("/webhooks/plane", SPEC_PAYLOAD);

        ErrorModel.assertError(answer, 503, "STATE_STORE_UNAVAILABLE");
        assertThat(answer.body()).doesNotContain("s3cr3t").doesNotContain("jdbc");
    }

    @Test
    void unexpectedFailure_answers500_withoutMessageOrStackTrace() {
        t.webhooks.fail(new NullPointerException("secret=s3cr3t-value"));

        Answer answer = t.postJson("/webhooks/plane", SPEC_PAYLOAD);

        ErrorModel.assertError(answer, 500, "INTERNAL_ERROR");
        assertThat(answer.body()).doesNotContain("s3cr3t").doesNotContain("NullPointer").doesNotContain("at io.");
    }

    @Test
    void javaLangError_inTheUseCase_answers500InTheErrorModel() {
        t.webhooks.answer = w -> {
            throw new StackOverflowError("deep");
        };

        ErrorModel.assertError(t.postJson("/webhooks/plane", SPEC_PAYLOAD), 500, "INTERNAL_ERROR");
    }

    static byte[] paddedJson(int size) {
        String head = "{\"action\":\"created\",\"data\":{\"id\":\"issue-uuid\"},\"pad\":\"";
        String tail = "\"}";
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'x');
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] e = tail.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(h, 0, bytes, 0, h.length);
        System.arraycopy(e, 0, bytes, size - e.length, e.length);
        return bytes;
    }
}
