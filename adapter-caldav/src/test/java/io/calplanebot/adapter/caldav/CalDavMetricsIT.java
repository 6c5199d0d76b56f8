package io.calplanebot.adapter.caldav;

import io.calplanebot.adapter.caldav.testing.CannedAnswer;
import io.calplanebot.adapter.caldav.testing.RecordingServer;
import io.calplanebot.core.port.out.CalendarStoreException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store times its own calls: {@code calplanebot_caldav_requests} by operation and outcome. */
class CalDavMetricsIT {
    static final String CALENDAR = "<d:multistatus xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
            + "<d:response><d:href>/cal/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/><c:calendar/>"
            + "</d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>"
            + "</d:multistatus>";
    private static final List<String> OPERATIONS = List.of("ensure_calendar", "find_calendar", "list_events",
            "get_event", "find_by_uid", "create", "update", "delete", "check");

    private final RecordingServer server = RecordingServer.start();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void stop() {
        server.close();
    }

    private CalDavCalendarStore.Builder store() {
        CalDavSettings settings = new CalDavSettings(server.url("/cal/"), "alice", "s3cret", AuthType.BASIC,
                Duration.ofSeconds(2), Duration.ofSeconds(2), Clock.systemUTC());
        return CalDavCalendarStore.builder(settings).retries(1, Duration.ofMillis(1));
    }

    private long count(String operation, String outcome) {
        return registry.get("calplanebot_caldav_requests").tag("operation", operation).tag("outcome", outcome)
                .timer().count();
    }

    @Test
    void everyOperation_hasItsOkSeriesAtZero_fromTheStart() {
        try (CalDavCalendarStore ignored = store().meterRegistry(registry).build()) {
            OPERATIONS.forEach(operation -> assertThat(count(operation, "ok")).as(operation).isZero());
        }
    }

    @Test
    void success_isOk_andRejectedCredentials_areAuthentication() {
        server.enqueue(CannedAnswer.multiStatus(CALENDAR)).enqueue(CannedAnswer.multiStatus(CALENDAR))
                .enqueue(CannedAnswer.status(401).withHeader("WWW-Authenticate", "Basic realm=\"x\""));
        try (CalDavCalendarStore store = store().meterRegistry(registry).build()) {
            store.checkConnection();
            assertThatThrownBy(store::checkConnection).isInstanceOfSatisfying(CalendarStoreException.class,
                    e -> assertThat(e.reason()).isEqualTo(CalendarStoreException.Reason.AUTHENTICATION));
        }

        assertThat(count("check", "ok")).isEqualTo(1);
        assertThat(count("check", "authentication")).isEqualTo(1);
    }

    @Test
    void withoutARegistry_nothingIsRecorded() {
        server.enqueue(CannedAnswer.multiStatus(CALENDAR)).enqueue(CannedAnswer.multiStatus(CALENDAR));
        try (CalDavCalendarStore store = store().build()) {
            store.checkConnection();
        }

        assertThat(registry.getMeters()).isEmpty();
    }
}
