package io.calplanebot.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the web server itself rejects, before any route, over a raw socket: each answer has a fitting status and the
 * error model with a fitting code, never an empty body or {@code INTERNAL_ERROR}.
 */
class ProtocolRejectionsIT extends SharedServer {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> rejections() {
        return Stream.of(
                Arguments.of("a malformed request line", "GARBAGE\r\n\r\n", 400, "BAD_REQUEST"),
                Arguments.of("a space in the target", "GET /he alth HTTP/1.1\r\nHost: x\r\n\r\n", 400, "BAD_REQUEST"),
                Arguments.of("HTTP/0.9", "GET /health\r\n\r\n", 505, "HTTP_VERSION_NOT_SUPPORTED"),
                Arguments.of("an unknown version", "GET /health HTTP/3.7\r\nHost: x\r\n\r\n", 505,
                        "HTTP_VERSION_NOT_SUPPORTED"),
                Arguments.of("HTTP/2.0 as text", "GET /health HTTP/2.0\r\nHost: x\r\n\r\n", 505,
                        "HTTP_VERSION_NOT_SUPPORTED"),
                Arguments.of("the HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 505,
                        "HTTP_VERSION_NOT_SUPPORTED"),
                Arguments.of("a URI too long", "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414,
                        "URI_TOO_LONG"),
                Arguments.of("headers too large", "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000)
                        + "\r\n\r\n", 431, "HEADERS_TOO_LARGE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void protocolRejection_answersAFittingStatus_inTheErrorModel(String what, String request, int status, String code)
            throws Exception {
        String raw = t.rawExchange(request);

        assertThat(raw).as(raw).startsWith("HTTP/1.1 " + status + " ");
        assertThat(raw.lines().takeWhile(line -> !line.isEmpty()))
                .anySatisfy(h -> assertThat(h).startsWithIgnoringCase("Content-Type: application/json"));
        JsonNode body = JSON.readTree(raw.substring(raw.indexOf("\r\n\r\n") + 4));
        assertThat(body.path("status").asText()).isEqualTo("error");
        assertThat(body.path("error_code").asText()).isEqualTo(code);
        assertThat(body.path("details").isObject()).isTrue();
        assertThat(body.path("timestamp").isTextual()).isTrue();
    }
}
