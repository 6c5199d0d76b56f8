package io.calplanebot.adapter.caldav;

import io.calplanebot.adapter.caldav.StoreErrors.Access;
import io.calplanebot.adapter.caldav.dav.DavResponse;
import io.calplanebot.adapter.caldav.dav.error.DavHttpException;
import io.calplanebot.core.port.out.CalendarStoreException;
import io.calplanebot.core.port.out.CalendarStoreException.Reason;
import io.calplanebot.core.port.out.EventAlreadyExistsException;
import io.calplanebot.core.port.out.EventNotFoundException;
import io.calplanebot.core.port.out.StaleVersionException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** How answers the servers really gave (captured bodies) become the port's typed errors. */
class StoreErrorsTest {
    private static final URI EVENT = URI.create("http://127.0.0.1:18240/cal/plane-issue-1111.ics");
    private final StoreErrors errors = new StoreErrors("alice");

    private static DavResponse answer(String method, int status, String contentType, byte[] body) {
        return new DavResponse(method, EVENT, status, "", Map.of("content-type", List.of(contentType)), body);
    }

    private Optional<CalendarStoreException> write(int status, String fixture, Access write) {
        return writeFailure(answer("PUT", status, "application/xml", Fixtures.bytes(fixture)), write);
    }

    /** What a write answered with this would throw: the client's status check, then the store's translation. */
    private Optional<CalendarStoreException> writeFailure(DavResponse response, Access write) {
        return DavHttpException.failureOf(response).map(e -> errors.translate(e, write, "writing"));
    }

    @Test
    void create_intoAUidInUse_isAlreadyExists_onEveryServerThatRefusesIt() {
        assertThat(write(207, "xandikos-put-duplicate-uid.xml", Access.CREATE)).containsInstanceOf(EventAlreadyExistsException.class);
        assertThat(write(409, "radicale-put-duplicate-uid.xml", Access.CREATE)).containsInstanceOf(EventAlreadyExistsException.class);
        assertThat(write(403, "cyrus-put-duplicate-uid.xml", Access.CREATE)).containsInstanceOf(EventAlreadyExistsException.class);
    }

    @Test
    void put412_isAlreadyExists_forACreate_andStaleVersion_forAnUpdate() {
        assertThat(write(412, "davical-put-existing.xml", Access.CREATE)).containsInstanceOf(EventAlreadyExistsException.class);
        assertThat(write(412, "sabredav-put-existing.xml", Access.CREATE)).containsInstanceOf(EventAlreadyExistsException.class);
        assertThat(writeFailure(answer("PUT", 412, "text/plain", bytes("Precondition failed.")), Access.UPDATE))
                .containsInstanceOf(StaleVersionException.class);
        assertThat(writeFailure(answer("DELETE", 412, "text/plain", new byte[0]), Access.DELETE))
                .containsInstanceOf(StaleVersionException.class);
    }

    @Test
    void a207_withAnInvalidDataPreconditionInside_isAProtocolError_notAVersionConflict() {
        byte[] body = bytes("<ns0:multistatus xmlns:ns0=\"DAV:\" xmlns:ns1=\"urn:ietf:params:xml:ns:caldav\"><ns0:response>"
                + "<ns0:href>http%3A//127.0.0.1%3A1/x.ics</ns0:href><ns0:status>HTTP/1.1 412 Precondition Failed</ns0:status>"
                + "<ns0:error><ns1:valid-calendar-data /></ns0:error></ns0:response></ns0:multistatus>");

        Optional<CalendarStoreException> failure = writeFailure(answer("PUT", 207, "text/xml", body), Access.UPDATE);

        assertThat(failure).hasValueSatisfying(e -> {
            assertThat(e.reason()).isEqualTo(Reason.PROTOCOL);
            assertThat(e.getMessage()).contains("412", "valid-calendar-data");
        });
    }

    @Test
    void radicalesDelete_200WithAMultistatus_isASuccess() {
        assertThat(write(200, "radicale-delete.xml", Access.DELETE)).isEmpty();
        assertThat(writeFailure(answer("PUT", 201, "text/plain", new byte[0]), Access.CREATE)).isEmpty();
    }

    @Test
    void missingEventOrCalendar_isNotFound() {
        assertThat(writeFailure(answer("PUT", 404, "text/html", bytes("<html/>")), Access.UPDATE))
                .containsInstanceOf(EventNotFoundException.class);
        assertThat(writeFailure(answer("PUT", 409, "text/plain", bytes("Conflict")), Access.CREATE))
                .hasValueSatisfying(e -> assertThat(e).isInstanceOf(EventNotFoundException.class)
                        .hasMessageContaining("calendar not found"));
    }

    @Test
    void unauthorized_isAnAuthenticationError_namingUserServerAndOfferedSchemes() {
        DavResponse response = new DavResponse("PROPFIND", EVENT, 401, "Unauthorized",
                Map.of("www-authenticate", List.of("Digest realm=\"x\", nonce=\"n\"", "Basic realm=\"x\"")), new byte[0]);

        CalendarStoreException failure = errors.translate(DavHttpException.from(response), Access.READ, "discovery");

        assertThat(failure.reason()).isEqualTo(Reason.AUTHENTICATION);
        assertThat(failure.getMessage()).contains("'alice'", "http://127.0.0.1:18240", "[Digest, Basic]");
    }

    @Test
    void forbiddenWithoutPrecondition_isForbidden() {
        assertThat(writeFailure(answer("PUT", 403, "text/html", bytes("<html>Mailbox does not exist</html>")),
                Access.CREATE)).hasValueSatisfying(e -> assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN));
    }

    @Test
    void proppatch207_withARefusedPropertyInside_isAFailureNamingTheInnerStatus() {
        DavResponse response = answer("PROPPATCH", 207, "text/xml", Fixtures.bytes("xandikos-proppatch-description.xml"));

        CalendarStoreException failure = errors.translate(DavHttpException.failureOf(response).orElseThrow(),
                Access.READ, "setting [calendar-description]");

        assertThat(failure.reason()).isEqualTo(Reason.PROTOCOL);
        assertThat(failure.getMessage()).contains("calendar-description", "207", "409 inside");
    }

    @Test
    void xandikosMkcalendarBody_inAMisspeltNamespace_isNoFailure() {
        DavResponse response = answer("MKCALENDAR", 201, "text/xml", Fixtures.bytes("xandikos-mkcalendar-response.xml"));

        assertThat(DavHttpException.failureOf(response)).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
