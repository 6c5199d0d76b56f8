package io.calplanebot.adapter.caldav.dav.error;

import io.calplanebot.adapter.caldav.dav.DavResponse;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The one factory picks the subclass for the status and keeps what a message needs. */
class DavHttpExceptionTest {
    private static final URI HREF = URI.create("http://127.0.0.1:1/cal/x.ics");

    private static DavResponse answer(int status, Map<String, List<String>> headers, String body) {
        return new DavResponse("PUT", HREF, status, "", headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static DavHttpException from(int status) {
        return DavHttpException.from(answer(status, Map.of(), ""));
    }

    @Test
    void from_picksTheSubclassForEachStatusThatMatters() {
        assertThat(from(401)).isExactlyInstanceOf(DavUnauthorizedException.class);
        assertThat(from(403)).isExactlyInstanceOf(DavForbiddenException.class);
        assertThat(from(404)).isExactlyInstanceOf(DavNotFoundException.class);
        assertThat(from(410)).isExactlyInstanceOf(DavNotFoundException.class);
        assertThat(from(409)).isExactlyInstanceOf(DavConflictException.class);
        assertThat(from(412)).isExactlyInstanceOf(DavPreconditionFailedException.class);
        assertThat(from(503)).isExactlyInstanceOf(DavServerErrorException.class);
        assertThat(from(418)).isExactlyInstanceOf(DavHttpException.class);
    }

    @Test
    void from_keepsStatusMethodHrefAndTheDavErrorPreconditions() {
        DavHttpException e = DavHttpException.from(answer(403, Map.of("content-type", List.of("application/xml")),
                "<d:error xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><c:no-uid-conflict/></d:error>"));

        assertThat(e.status()).isEqualTo(403);
        assertThat(e.method()).isEqualTo("PUT");
        assertThat(e.href()).isEqualTo(HREF);
        assertThat(e.errors()).extracting(q -> q.getLocalPart()).containsExactly("no-uid-conflict");
        assertThat(e.getMessage()).contains("PUT " + HREF + " answered 403", "[no-uid-conflict]");
    }

    @Test
    void excerpt_isCappedAndOnOneLine() {
        DavHttpException e = DavHttpException.from(answer(400, Map.of(), "line one\nline two " + "x".repeat(1000)));

        assertThat(e.excerpt()).startsWith("line one line two").hasSizeLessThanOrEqualTo(301);
    }

    @Test
    void serviceUnavailable_carriesRetryAfter() {
        DavHttpException e = DavHttpException.from(answer(503, Map.of("retry-after", List.of("30")), ""));

        assertThat(((DavServerErrorException) e).retryAfter()).contains(Duration.ofSeconds(30));
    }

    @Test
    void failureOf_aSuccess_isEmpty_andOfA4xx_isTheException() {
        assertThat(DavHttpException.failureOf(answer(204, Map.of(), ""))).isEmpty();
        assertThat(DavHttpException.failureOf(answer(412, Map.of(), ""))).containsInstanceOf(
                DavPreconditionFailedException.class);
    }
}
