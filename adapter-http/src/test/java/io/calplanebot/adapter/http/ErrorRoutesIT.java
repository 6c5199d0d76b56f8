package io.calplanebot.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorRoutesIT extends SharedServer {
    @Test
    void unknownPath_answers404NotFound_inTheErrorModel() {
        ErrorModel.assertError(t.get("/nope"), 404, "NOT_FOUND");
        ErrorModel.assertError(t.get("/webhooks/plane/extra"), 404, "NOT_FOUND");
        ErrorModel.assertError(t.postJson("/api/v1/nothing", "{}"), 404, "NOT_FOUND");
    }

    @Test
    void wrongMethod_onTheWebhook_answers405_withAllowPost() {
        Answer answer = t.get("/webhooks/plane");

        JsonNode json = ErrorModel.assertError(answer, 405, "METHOD_NOT_ALLOWED");
        assertThat(answer.header("Allow")).isEqualTo("POST");
        assertThat(json.path("details").path("allowed_methods").get(0).asText()).isEqualTo("POST");
    }

    @Test
    void wrongMethod_onHealth_answers405_withAllowGetHead() {
        Answer answer = t.send(t.request("/health").DELETE().build());

        ErrorModel.assertError(answer, 405, "METHOD_NOT_ALLOWED");
        assertThat(answer.header("Allow")).isEqualTo("GET, HEAD");
    }

    @Test
    void putOnSync_answers405() {
        Answer answer = t.send(t.request("/webhooks/sync").PUT(HttpRequest.BodyPublishers.noBody()).build());

        ErrorModel.assertError(answer, 405, "METHOD_NOT_ALLOWED");
        assertThat(answer.header("Allow")).isEqualTo("POST");
    }

    @Test
    void headersTooLarge_rejectedByTheServer_stillAnswerTheErrorModel() {
        String huge = "x".repeat(20_000);

        String raw = t.rawExchange("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + huge + "\r\nConnection: close\r\n\r\n");

        assertThat(raw).startsWith("HTTP/1.1 431");
        assertThat(raw).contains("\"error_code\":\"HEADERS_TOO_LARGE\"").contains("\"status\":\"error\"");
    }

    @Test
    void malformedRequestLine_answers400_inTheErrorModel() {
        String raw = t.rawExchange("GET /he alth HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(raw).startsWith("HTTP/1.1 400");
        assertThat(raw).contains("\"error_code\":\"BAD_REQUEST\"");
    }

    @Test
    void aMalformedPercentEscapeInAPathParameter_answers400_notA500() {
        for (String method : new String[] {"GET", "HEAD"}) {
            String raw = t.rawExchange(method + " /feeds/vorZ;f:%uv8iOx.ics HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n");

            assertThat(raw).as(method).startsWith("HTTP/1.1 400");
        }
        assertThat(t.rawExchange("GET /feeds/abc%2 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 400").contains("\"error_code\":\"BAD_REQUEST\"");
    }

    @Test
    void badChunkedBody_answers4xx_notA5xx() {
        String raw = t.rawExchange("POST /webhooks/plane HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZZ\r\n{}\r\n0\r\n\r\n");

        assertThat(raw).startsWith("HTTP/1.1 4");
        assertThat(raw).contains("\"status\":\"error\"");
    }
}
