package io.calplanebot.adapter.caldav.dav;

import io.calplanebot.adapter.caldav.dav.error.DavConflictException;
import io.calplanebot.adapter.caldav.dav.error.DavForbiddenException;
import io.calplanebot.adapter.caldav.dav.error.DavHttpException;
import io.calplanebot.adapter.caldav.dav.error.DavNotFoundException;
import io.calplanebot.adapter.caldav.dav.error.DavPreconditionFailedException;
import io.calplanebot.adapter.caldav.dav.error.DavServerErrorException;
import io.calplanebot.adapter.caldav.dav.error.DavTooManyRequestsException;
import io.calplanebot.adapter.caldav.dav.error.DavUnauthorizedException;
import io.calplanebot.adapter.caldav.dav.error.DavUnreachableException;
import io.calplanebot.adapter.caldav.dav.error.DavUnreadableException;
import io.calplanebot.adapter.caldav.testing.CannedAnswer;
import io.calplanebot.adapter.caldav.testing.RecordedExchange;
import io.calplanebot.adapter.caldav.testing.RecordingServer;
import io.github.resilience4j.core.functions.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every DAV verb against a loopback server that records the request (dav4jvm's checklist): method, Depth,
 * If-Match / If-None-Match, Accept, Content-Type and body; then how each status becomes a typed exception.
 */
class DavClientIT {
    private static final String XML = "application/xml; charset=utf-8";
    private static final String ICS = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n";
    private static final String CALENDAR_MULTISTATUS = "<d:multistatus xmlns:d=\"DAV:\"><d:response>"
            + "<d:href>/cal/</d:href><d:propstat><d:prop><d:getetag>\"e1\"</d:getetag></d:prop>"
            + "<d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>";
    private static final String INNER_412 = "<d:multistatus xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
            + "<d:response><d:href>/cal/x.ics</d:href><d:status>HTTP/1.1 412 Precondition Failed</d:status>"
            + "<d:error><c:no-uid-conflict/></d:error></d:response></d:multistatus>";
    private static final String INNER_200 = "<d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>/cal/x.ics</d:href>"
            + "<d:status>HTTP/1.1 200 OK</d:status></d:response></d:multistatus>";

    private final RecordingServer server = RecordingServer.start();
    private final DavClient dav = DavClient.builder(server.url("/")).basic("alice", "s3cret")
            .retry(1, Duration.ofMillis(1)).timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)).build();
    private final URI event = server.url("/cal/x.ics");
    private final URI calendar = server.url("/cal/");

    @AfterEach
    void stop() {
        dav.close();
        server.close();
    }

    private void answer(CannedAnswer answer) {
        server.enqueue(answer);
    }

    // GET

    @Test
    void get_sendsGetWithAcceptCalendar_andNoBody() {
        answer(CannedAnswer.status(200).withBody("text/calendar", ICS).withHeader("ETag", "\"e1\""));

        DavResponse response = dav.get(event).orElseThrow();

        RecordedExchange request = server.take();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/cal/x.ics");
        assertThat(request.header("Accept")).contains("text/calendar");
        assertThat(request.header("Authorization")).contains("Basic YWxpY2U6czNjcmV0");
        assertThat(request.body()).isEmpty();
        assertThat(response.etag()).contains("\"e1\"");
        assertThat(response.bodyText()).isEqualTo(ICS);
    }

    @Test
    void get_404_isEmpty() {
        answer(CannedAnswer.status(404));

        assertThat(dav.get(event)).isEmpty();
    }

    @Test
    void get_410_isEmpty() {
        answer(CannedAnswer.status(410));

        assertThat(dav.get(event)).isEmpty();
    }

    @Test
    void get_403_throwsForbidden_withMethodHrefAndExcerpt() {
        answer(CannedAnswer.status(403).withBody("text/plain", "no access for you"));

        assertThatThrownBy(() -> dav.get(event)).isInstanceOfSatisfying(DavForbiddenException.class, e -> {
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.method()).isEqualTo("GET");
            assertThat(e.href()).isEqualTo(event);
            assertThat(e.excerpt()).isEqualTo("no access for you");
        });
    }

    // PUT

    @Test
    void put_createOnly_sendsIfNoneMatchStar_calendarContentType_andTheData() {
        answer(CannedAnswer.status(201).withHeader("ETag", "\"new\""));

        DavResponse response = dav.put(event, ICS, Precondition.createOnly());

        RecordedExchange request = server.take();
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.header("If-None-Match")).contains("*");
        assertThat(request.header("If-Match")).isEmpty();
        assertThat(request.header("Content-Type")).contains("text/calendar; charset=utf-8");
        assertThat(request.body()).isEqualTo(ICS);
        assertThat(response.etag()).contains("\"new\"");
    }

    @Test
    void put_ifMatch_sendsTheEtagExactlyAsGiven() {
        answer(CannedAnswer.status(204));

        dav.put(event, ICS, Precondition.ifMatch("W/\"v 1\""));

        RecordedExchange request = server.take();
        assertThat(request.header("If-Match")).contains("W/\"v 1\"");
        assertThat(request.header("If-None-Match")).isEmpty();
    }

    @Test
    void put_412_throwsPreconditionFailed() {
        answer(CannedAnswer.status(412));

        assertThatThrownBy(() -> dav.put(event, ICS, Precondition.ifMatch("\"old\"")))
                .isInstanceOfSatisfying(DavPreconditionFailedException.class, e -> {
                    assertThat(e.status()).isEqualTo(412);
                    assertThat(e.isInsideMultiStatus()).isFalse();
                });
    }

    @Test
    void put_207WithAFailureInside_throwsForTheInnerStatus_withItsPreconditions() {
        answer(CannedAnswer.multiStatus(INNER_412));

        assertThatThrownBy(() -> dav.put(event, ICS, Precondition.createOnly()))
                .isInstanceOfSatisfying(DavPreconditionFailedException.class, e -> {
                    assertThat(e.isInsideMultiStatus()).isTrue();
                    assertThat(e.statusLine()).startsWith("207");
                    assertThat(e.errors()).extracting(q -> q.getLocalPart()).containsExactly("no-uid-conflict");
                    assertThat(e.getMessage()).contains("412 inside 207", "no-uid-conflict");
                });
    }

    @Test
    void put_409_throwsConflict() {
        answer(CannedAnswer.status(409));

        assertThatThrownBy(() -> dav.put(event, ICS, Precondition.createOnly()))
                .isInstanceOf(DavConflictException.class);
    }

    // DELETE

    @Test
    void delete_sendsIfMatch_andNoBody() {
        answer(CannedAnswer.status(204));

        dav.delete(event, Precondition.ifMatch("\"e1\""));

        RecordedExchange request = server.take();
        assertThat(request.method()).isEqualTo("DELETE");
        assertThat(request.header("If-Match")).contains("\"e1\"");
        assertThat(request.body()).isEmpty();
    }

    @Test
    void delete_207_isAFailure() {
        answer(CannedAnswer.multiStatus(INNER_200));

        assertThatThrownBy(() -> dav.delete(event, Precondition.ifMatch("\"e1\"")))
                .isInstanceOfSatisfying(DavHttpException.class, e -> assertThat(e.status()).isEqualTo(207));
    }

    @Test
    void delete_200WithAMultistatusOfSuccesses_isASuccess() {
        answer(new CannedAnswer(200, Map.of("Content-Type", "text/xml"), INNER_200));

        dav.delete(event, Precondition.ifMatch("\"e1\""));

        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void delete_404_throwsNotFound() {
        answer(CannedAnswer.status(404));

        assertThatThrownBy(() -> dav.delete(event, Precondition.ifMatch("\"e1\"")))
                .isInstanceOf(DavNotFoundException.class);
    }

    // REPORT

    @Test
    void report_sendsDepthAcceptXmlContentTypeAndBody_andReadsTheMultistatus() {
        answer(CannedAnswer.multiStatus(CALENDAR_MULTISTATUS));

        MultiStatus result = dav.report(calendar, 1, DavXml.eventEtagQuery());

        RecordedExchange request = server.take();
        assertThat(request.method()).isEqualTo("REPORT");
        assertThat(request.header("Depth")).contains("1");
        assertThat(request.header("Accept")).contains("application/xml, text/xml");
        assertThat(request.header("Content-Type")).contains(XML);
        assertThat(request.body()).isEqualTo(DavXml.eventEtagQuery());
        assertThat(result.entries()).hasSize(1);
    }

    @Test
    void report_200_insteadOf207_isProtocolError() {
        answer(CannedAnswer.status(200).withBody("text/html", "<html>hello</html>"));

        assertThatThrownBy(() -> dav.report(calendar, 1, DavXml.eventEtagQuery()))
                .isExactlyInstanceOf(DavHttpException.class)
                .satisfies(e -> assertThat(((DavHttpException) e).status()).isEqualTo(200));
    }

    @Test
    void report_207ThatIsNotXml_isUnreadable() {
        answer(CannedAnswer.multiStatus("this is not xml"));

        assertThatThrownBy(() -> dav.report(calendar, 1, DavXml.eventEtagQuery()))
                .isInstanceOf(DavUnreadableException.class).hasMessageContaining("cannot be read");
    }

    // PROPFIND

    @Test
    void propfind_sendsDepthZero_andThePropfindBody() {
        answer(CannedAnswer.multiStatus(CALENDAR_MULTISTATUS));
        String body = DavXml.propfind(DavNames.GETETAG);

        dav.propfind(calendar, 0, body);

        RecordedExchange request = server.take();
        assertThat(request.method()).isEqualTo("PROPFIND");
        assertThat(request.header("Depth")).contains("0");
        assertThat(request.header("Content-Type")).contains(XML);
        assertThat(request.body()).isEqualTo(body);
    }

    @Test
    void propfind_401_throwsUnauthorized_namingTheOfferedSchemes() {
        answer(CannedAnswer.status(401).withHeader("WWW-Authenticate", "Basic realm=\"x\""));

        assertThatThrownBy(() -> dav.propfind(calendar, 0, DavXml.propfind()))
                .isInstanceOfSatisfying(DavUnauthorizedException.class,
                        e -> assertThat(e.offeredSchemes()).containsExactly("Basic"));
    }

    @Test
    void propfindFollowingRedirects_resendsTheSameRequest_toTheLocation() {
        answer(CannedAnswer.status(301).withHeader("Location", "/cal/"));
        answer(CannedAnswer.multiStatus(CALENDAR_MULTISTATUS));
        String body = DavXml.propfind(DavNames.RESOURCETYPE);

        DavAnswer result = dav.propfindFollowingRedirects(server.url("/.well-known/caldav"), body);

        assertThat(result.url()).isEqualTo(calendar);
        server.take();
        RecordedExchange followed = server.take();
        assertThat(followed.method()).isEqualTo("PROPFIND");
        assertThat(followed.path()).isEqualTo("/cal/");
        assertThat(followed.body()).isEqualTo(body);
        assertThat(followed.header("Authorization")).isPresent();
    }

    @Test
    void propfindFollowingRedirects_stopsAfterFiveRedirects() {
        for (int i = 0; i < 6; i++) {
            answer(CannedAnswer.status(302).withHeader("Location", "/loop/"));
        }

        assertThatThrownBy(() -> dav.propfindFollowingRedirects(calendar, DavXml.propfind()))
                .isInstanceOfSatisfying(DavHttpException.class, e -> assertThat(e.status()).isEqualTo(302));
        assertThat(server.requests()).hasSize(6);
    }

    // MKCALENDAR and PROPPATCH

    @Test
    void mkcalendar_sendsTheXmlBody_withoutDepth() {
        answer(CannedAnswer.status(201));
        String body = DavXml.mkcalendar(Map.of(DavNames.DISPLAYNAME, "Plane: Mobile"));

        dav.mkcalendar(calendar, body);

        RecordedExchange request = server.take();
        assertThat(request.method()).isEqualTo("MKCALENDAR");
        assertThat(request.header("Depth")).isEmpty();
        assertThat(request.header("Content-Type")).contains(XML);
        assertThat(request.body()).isEqualTo(body);
    }

    @Test
    void mkcalendar_405_throwsWithThatStatus() {
        answer(CannedAnswer.status(405));

        assertThatThrownBy(() -> dav.mkcalendar(calendar, DavXml.mkcalendar(Map.of())))
                .isInstanceOfSatisfying(DavHttpException.class, e -> assertThat(e.status()).isEqualTo(405));
    }

    @Test
    void proppatch_sendsTheXmlBody() {
        answer(CannedAnswer.multiStatus(INNER_200));
        String body = DavXml.proppatch(Map.of(DavNames.DISPLAYNAME, "Plane: Web"));

        dav.proppatch(calendar, body);

        RecordedExchange request = server.take();
        assertThat(request.method()).isEqualTo("PROPPATCH");
        assertThat(request.header("Content-Type")).contains(XML);
        assertThat(request.body()).isEqualTo(body);
    }

    @Test
    void proppatch_207With409Inside_throwsConflict() {
        answer(CannedAnswer.multiStatus("<d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>/cal/</d:href>"
                + "<d:propstat><d:prop><d:displayname/></d:prop><d:status>HTTP/1.1 409 Conflict</d:status>"
                + "</d:propstat></d:response></d:multistatus>"));

        assertThatThrownBy(() -> dav.proppatch(calendar, DavXml.proppatch(Map.of(DavNames.DISPLAYNAME, "x"))))
                .isInstanceOfSatisfying(DavConflictException.class, e -> assertThat(e.isInsideMultiStatus()).isTrue());
    }

    // server errors

    @Test
    void get_503_becomesUnreachable_carryingTheServerErrorWithItsRetryAfter() {
        answer(CannedAnswer.status(503).withHeader("Retry-After", "120"));

        assertThatThrownBy(() -> dav.get(event)).isInstanceOfSatisfying(DavUnreachableException.class, e -> {
            assertThat(e.getMessage()).contains("503", "1 attempts");
            assertThat(e.getCause()).isInstanceOfSatisfying(DavServerErrorException.class,
                    cause -> assertThat(cause.retryAfter()).contains(Duration.ofSeconds(120)));
        });
    }

    @Test
    void put_429_isRetried_afterTheWaitItsRetryAfterAsks_notTheBackoff() {
        answer(CannedAnswer.status(429).withHeader("Retry-After", "1"));
        answer(CannedAnswer.status(201).withHeader("ETag", "\"v2\""));

        long started = System.nanoTime();
        try (DavClient retrying = retrying()) {
            assertThat(retrying.put(event, ICS, Precondition.createOnly()).etag()).contains("\"v2\"");
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(server.requests()).extracting(RecordedExchange::method).containsExactly("PUT", "PUT");
    }

    @Test
    void get_503_isRetried_afterTheWaitItsRetryAfterAsks() {
        answer(CannedAnswer.status(503).withHeader("Retry-After", "1"));
        answer(CannedAnswer.status(200).withBody("text/calendar", ICS));

        long started = System.nanoTime();
        try (DavClient retrying = retrying()) {
            assertThat(retrying.get(event)).isPresent();
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void put_429OnEveryAttempt_becomesUnreachable_carryingTheLastAnswer() {
        for (int i = 0; i < 3; i++) {
            answer(CannedAnswer.status(429).withHeader("Retry-After", "0"));
        }

        try (DavClient retrying = retrying()) {
            assertThatThrownBy(() -> retrying.put(event, ICS, Precondition.createOnly()))
                    .isInstanceOfSatisfying(DavUnreachableException.class, e -> {
                        assertThat(e.getMessage()).contains("429", "3 attempts");
                        assertThat(e.getCause()).isInstanceOfSatisfying(DavTooManyRequestsException.class,
                                cause -> assertThat(cause.retryAfter()).contains(Duration.ZERO));
                    });
        }
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void aRetryAfterLongerThanTwoMinutes_isWaitedTwoMinutes_andNoRetryAfterMeansTheBackoff() {
        DavResponse slowDown = new DavResponse("PUT", event, 429, "Too Many Requests",
                Map.of("retry-after", List.of("86400")), new byte[0]);
        DavResponse unavailable = new DavResponse("PUT", event, 503, "Service Unavailable", Map.of(), new byte[0]);

        assertThat(DavClient.waitBeforeRetry(1, Either.left(DavHttpException.from(slowDown)), Duration.ofMillis(500), 3))
                .isEqualTo(Duration.ofMinutes(2).toMillis());
        assertThat(DavClient.waitBeforeRetry(2, Either.left(DavHttpException.from(unavailable)), Duration.ofMillis(500),
                3)).isEqualTo(1000);
    }

    /** A client that tries each request 3 times, 1 ms apart unless the server asks for longer. */
    private DavClient retrying() {
        return DavClient.builder(server.url("/")).basic("alice", "s3cret").retry(3, Duration.ofMillis(1))
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)).build();
    }

    @Test
    void get_501_isNotRetried_andThrowsAServerError() {
        answer(CannedAnswer.status(501));

        assertThatThrownBy(() -> dav.get(event)).isInstanceOfSatisfying(DavServerErrorException.class,
                e -> assertThat(e.status()).isEqualTo(501));
    }
}
