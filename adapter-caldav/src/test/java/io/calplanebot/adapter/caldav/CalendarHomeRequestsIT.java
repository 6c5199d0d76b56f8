package io.calplanebot.adapter.caldav;

import io.calplanebot.adapter.caldav.testing.CannedAnswer;
import io.calplanebot.adapter.caldav.testing.RecordedExchange;
import io.calplanebot.adapter.caldav.testing.RecordingServer;
import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.Project;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendars of a calendar home, as a full sync ensures them one project after another, against a loopback server
 * that records what it received: the configured URL names the home, so discovery takes one PROPFIND.
 */
class CalendarHomeRequestsIT {
    private static final String HOME = "<d:multistatus xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
            + "<d:response><d:href>/home/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/>"
            + "</d:resourcetype><c:calendar-home-set><d:href>/home/</d:href></c:calendar-home-set></d:prop>"
            + "<d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>";
    private final RecordingServer server = RecordingServer.start();
    private final List<Project> projects = List.of(
            new Project("a1111111-1111-4111-8111-111111111111", "ALPHA", "Alpha"),
            new Project("b2222222-2222-4222-8222-222222222222", "BETA", "Beta"),
            new Project("c3333333-3333-4333-8333-333333333333", "GAMMA", "Gamma"));
    private CalDavCalendarStore store;

    @BeforeEach
    void discoverTheHome() {
        CalDavSettings settings = new CalDavSettings(server.url("/home/"), "alice", "s3cret", AuthType.BASIC,
                Duration.ofSeconds(2), Duration.ofSeconds(2), Clock.systemUTC());
        store = CalDavCalendarStore.builder(settings).retries(1, Duration.ofMillis(1)).build();
        server.enqueue(CannedAnswer.multiStatus(HOME));
        assertThat(store.isSingleCalendar()).isFalse();
        server.take();
    }

    @AfterEach
    void stop() {
        store.close();
        server.close();
    }

    private static String listing(List<Project> projects) {
        StringBuilder xml = new StringBuilder("<d:multistatus xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
                + "<d:response><d:href>/home/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/>"
                + "</d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>");
        for (Project project : projects) {
            xml.append("<d:response><d:href>/home/plane-").append(project.id()).append("/</d:href><d:propstat><d:prop>"
                    + "<d:resourcetype><d:collection/><c:calendar/></d:resourcetype><d:displayname>")
                    .append(project.calendarName()).append("</d:displayname></d:prop>"
                    + "<d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>");
        }
        return xml.append("</d:multistatus>").toString();
    }

    private List<String> methods() {
        return server.unread().stream().map(RecordedExchange::method).collect(Collectors.toList());
    }

    @Test
    void ensuringEveryProjectsCalendar_inARow_listsTheHomeOnce() {
        server.enqueue(CannedAnswer.multiStatus(listing(projects)));

        for (Project project : projects) {
            assertThat(store.ensureCalendar(project))
                    .isEqualTo(new CalendarId(server.url("/home/plane-" + project.id() + "/").toString()));
        }

        assertThat(methods()).containsExactly("PROPFIND");
    }

    @Test
    void aCalendarCreatedHere_makesTheNextEnsureListTheHomeAgain() {
        Project created = projects.get(1);
        server.enqueue(CannedAnswer.multiStatus(listing(projects.subList(0, 1))))
                .enqueue(CannedAnswer.status(201))
                .enqueue(CannedAnswer.multiStatus("<d:multistatus xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\""
                        + " xmlns:a=\"http://apple.com/ns/ical/\"><d:response><d:href>/home/plane-" + created.id()
                        + "/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/><c:calendar/></d:resourcetype>"
                        + "<d:displayname>" + created.calendarName() + "</d:displayname><a:calendar-color>#3A6FD8"
                        + "</a:calendar-color><c:calendar-description>Beta</c:calendar-description></d:prop>"
                        + "<d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>"))
                .enqueue(CannedAnswer.multiStatus(listing(projects.subList(0, 2))));

        store.ensureCalendar(projects.get(0));
        assertThat(store.ensureCalendar(created))
                .isEqualTo(new CalendarId(server.url("/home/plane-" + created.id() + "/").toString()));
        store.ensureCalendar(projects.get(0));

        assertThat(methods()).containsExactly("PROPFIND", "MKCALENDAR", "PROPFIND", "PROPFIND");
        assertThat(server.requests().stream().filter(r -> r.method().equals("PROPFIND"))
                .map(r -> r.header("Depth").orElse("?")).collect(Collectors.toList()))
                .as("discovery, the home listed, the new calendar read back, the home listed again")
                .containsExactly("0", "1", "0", "1");
    }
}
