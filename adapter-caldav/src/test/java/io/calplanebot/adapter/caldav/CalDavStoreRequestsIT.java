package io.calplanebot.adapter.caldav;

import io.calplanebot.ical.ICalEventCodec;
import io.calplanebot.adapter.caldav.testing.CannedAnswer;
import io.calplanebot.adapter.caldav.testing.RecordedExchange;
import io.calplanebot.adapter.caldav.testing.RecordingServer;
import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.EventVersion;
import io.calplanebot.core.port.out.CalendarStoreException;
import io.calplanebot.core.port.out.CalendarStoreException.Reason;
import io.calplanebot.core.port.out.EventAlreadyExistsException;
import io.calplanebot.core.port.out.EventNotFoundException;
import io.calplanebot.core.port.out.StaleVersionException;
import io.calplanebot.core.testing.Events;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The store's requests and how each answer becomes the port's typed error, against a loopback server that records
 * what it received. The configured URL is one calendar, so discovery takes one PROPFIND.
 */
class CalDavStoreRequestsIT {
    private final RecordingServer server = RecordingServer.start();
    private final CalendarId calendar = new CalendarId(server.url("/cal/").toString());
    private final CalendarEvent event = Events.anEvent().forIssue("1111").build();
    private CalDavCalendarStore store;

    @BeforeEach
    void discoverOneCalendar() {
        CalDavSettings settings = new CalDavSettings(server.url("/cal/"), "alice", "s3cret", AuthType.BASIC,
                Duration.ofSeconds(2), Duration.ofSeconds(2), Clock.systemUTC());
        store = CalDavCalendarStore.builder(settings).retries(1, Duration.ofMillis(1)).build();
        server.enqueue(CannedAnswer.multiStatus(CalDavMetricsIT.CALENDAR));
        assertThat(store.isSingleCalendar()).isTrue();
        server.take();
    }

    @AfterEach
    void stop() {
        store.close();
        server.close();
    }

    @Test
    void create_putsIfNoneMatchStar_andReturnsTheNewVersion() {
        server.enqueue(CannedAnswer.status(201).withHeader("ETag", "\"v1\""));

        assertThat(store.create(calendar, event)).contains(new EventVersion("\"v1\""));

        RecordedExchange put = server.take();
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.path()).isEqualTo("/cal/" + event.identity().resourceName());
        assertThat(put.header("If-None-Match")).contains("*");
        assertThat(put.body()).contains("UID:" + event.uid());
    }

    @Test
    void create_412_throwsAlreadyExists() {
        server.enqueue(CannedAnswer.status(412));

        assertThatThrownBy(() -> store.create(calendar, event)).isInstanceOf(EventAlreadyExistsException.class);
    }

    @Test
    void create_409_throwsNotFound_forTheCalendar() {
        server.enqueue(CannedAnswer.status(409));

        assertThatThrownBy(() -> store.create(calendar, event)).isInstanceOf(EventNotFoundException.class)
                .hasMessageContaining("calendar not found");
    }

    @Test
    void put_412_throwsStaleVersion() {
        server.enqueue(CannedAnswer.status(200).withBody("text/calendar",
                new ICalEventCodec(Clock.systemUTC()).encodeNew(event)).withHeader("ETag", "\"v1\""));
        server.enqueue(CannedAnswer.status(412));

        assertThatThrownBy(() -> store.update(calendar, event.identity(), event, new EventVersion("\"v1\"")))
                .isInstanceOf(StaleVersionException.class);

        assertThat(server.take().method()).isEqualTo("GET");
        RecordedExchange put = server.take();
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.header("If-Match")).contains("\"v1\"");
    }

    @Test
    void update_ofAMissingEvent_throwsNotFound() {
        server.enqueue(CannedAnswer.status(404));

        assertThatThrownBy(() -> store.update(calendar, event.identity(), event, new EventVersion("\"v1\"")))
                .isInstanceOf(EventNotFoundException.class);
    }

    @Test
    void delete_412_throwsStaleVersion() {
        server.enqueue(CannedAnswer.status(412));

        assertThatThrownBy(() -> store.delete(calendar, event.identity(), new EventVersion("\"v1\"")))
                .isInstanceOf(StaleVersionException.class);
        assertThat(server.take().header("If-Match")).contains("\"v1\"");
    }

    @Test
    void get_404_isEmpty() {
        server.enqueue(CannedAnswer.status(404));

        assertThat(store.findEvent(calendar, event.identity())).isEmpty();
    }

    @Test
    void listing_200_insteadOf207_isProtocolError() {
        server.enqueue(CannedAnswer.multiStatus(CalDavMetricsIT.CALENDAR));
        server.enqueue(CannedAnswer.status(200).withBody("text/html", "<html/>"));

        assertThatThrownBy(() -> store.listOwnedEvents(calendar)).isInstanceOfSatisfying(
                CalendarStoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PROTOCOL));
        RecordedExchange token = server.take();
        assertThat(token.method()).isEqualTo("PROPFIND");
        assertThat(token.body()).contains("sync-token");
        assertThat(token.header("Depth")).contains("0");
        RecordedExchange listing = server.take();
        assertThat(listing.method()).isEqualTo("REPORT");
        assertThat(listing.body()).contains("calendar-query", "getetag").doesNotContain("calendar-data");
        assertThat(listing.header("Depth")).contains("1");
    }

    @Test
    void multiget_200_insteadOf207_isProtocolError() {
        server.enqueue(CannedAnswer.multiStatus(CalDavMetricsIT.CALENDAR));
        server.enqueue(CannedAnswer.multiStatus(etags(Map.of(event, "\"v1\""))));
        server.enqueue(CannedAnswer.status(200).withBody("text/html", "<html/>"));

        assertThatThrownBy(() -> store.listOwnedEvents(calendar)).isInstanceOfSatisfying(
                CalendarStoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PROTOCOL));
        server.take();
        server.take();
        assertThat(server.take().method()).isEqualTo("REPORT");
    }

    @Test
    void aListing_fetchesOnlyTheEventsNotKnownAtTheirCurrentETag_withOneMultiget() {
        CalendarEvent other = Events.anEvent().forIssue("2222").withSummary("[2] Other").build();
        CalendarEvent foreign = Events.anEvent().withUid("dentist@example.com").withSummary("Dentist").build();
        server.enqueue(CannedAnswer.multiStatus(CalDavMetricsIT.CALENDAR)); // no sync token: not asked again
        server.enqueue(CannedAnswer.multiStatus(etags(Map.of(event, "\"a1\"", other, "\"b1\"",
                foreign, "\"f1\""))));
        server.enqueue(CannedAnswer.multiStatus(data(Map.of(event, "\"a1\"", other, "\"b1\"",
                foreign, "\"f1\""))));

        assertThat(store.listOwnedEvents(calendar)).extracting(stored -> stored.event().summary())
                .containsExactlyInAnyOrder(event.summary(), other.summary());
        assertThat(server.take().body()).contains("sync-token");
        assertThat(server.take().body()).contains("calendar-query");
        RecordedExchange first = server.take();
        assertThat(first.body()).contains("calendar-multiget", event.identity().resourceName(),
                other.identity().resourceName(), "dentist");

        CalendarEvent changed = Events.anEvent().forIssue("2222").withSummary("[2] Changed by hand").build();
        server.enqueue(CannedAnswer.multiStatus(etags(Map.of(event, "\"a1\"", other, "\"b2\"",
                foreign, "\"f1\""))));
        server.enqueue(CannedAnswer.multiStatus(data(Map.of(changed, "\"b2\""))));

        assertThat(store.listOwnedEvents(calendar)).extracting(stored -> stored.event().summary())
                .containsExactlyInAnyOrder(event.summary(), changed.summary());
        server.take();
        RecordedExchange second = server.take();
        assertThat(second.body()).as("only the changed event is fetched").contains(other.identity().resourceName())
                .doesNotContain(event.identity().resourceName(), "dentist");

        server.enqueue(CannedAnswer.multiStatus(etags(Map.of(event, "\"a1\"", other, "\"b2\"",
                foreign, "\"f1\""))));
        assertThat(store.listOwnedEvents(calendar)).hasSize(2);
        assertThat(server.take().body()).contains("calendar-query");
        assertThat(server.unread()).as("nothing fetched when nothing changed").isEmpty();
    }

    @Test
    void anEventWrittenWithAnETag_isKnown_soTheNextListingDoesNotFetchIt() {
        server.enqueue(CannedAnswer.status(201).withHeader("ETag", "\"v1\""));
        store.create(calendar, event);
        server.take();
        server.enqueue(CannedAnswer.multiStatus(CalDavMetricsIT.CALENDAR));
        server.enqueue(CannedAnswer.multiStatus(etags(Map.of(event, "\"v1\""))));

        assertThat(store.listOwnedEvents(calendar)).singleElement()
                .satisfies(stored -> assertThat(stored.event().sameManagedContent(event)).isTrue());
        assertThat(server.take().body()).contains("sync-token");
        assertThat(server.take().body()).contains("calendar-query");
        assertThat(server.unread()).isEmpty();
    }

    @Test
    void aListingByChanges_cutShortByTheServer_isFollowedByAWholeListing() {
        server.enqueue(CannedAnswer.multiStatus(syncToken("t1")));
        server.enqueue(CannedAnswer.multiStatus(etags(Map.of(event, "\"v1\""))));
        server.enqueue(CannedAnswer.multiStatus(data(Map.of(event, "\"v1\""))));
        assertThat(store.listOwnedEvents(calendar)).hasSize(1);
        for (int i = 0; i < 3; i++) {
            server.take();
        }
        // RFC 6578, section 3.6: a 507 for the collection itself says more changes exist than were listed
        server.enqueue(CannedAnswer.multiStatus("<d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>/cal/</d:href>"
                + "<d:status>HTTP/1.1 507 Insufficient Storage</d:status></d:response>"
                + "<d:sync-token>t2</d:sync-token></d:multistatus>"));
        server.enqueue(CannedAnswer.multiStatus(syncToken("t3")));
        server.enqueue(CannedAnswer.multiStatus(etags(Map.of(event, "\"v1\""))));

        assertThat(store.listOwnedEvents(calendar)).singleElement()
                .satisfies(stored -> assertThat(stored.event().sameManagedContent(event)).isTrue());

        RecordedExchange changes = server.take();
        assertThat(changes.method()).isEqualTo("REPORT");
        assertThat(changes.body()).contains("sync-collection", "<D:sync-token>t1</D:sync-token>", "sync-level");
        assertThat(changes.header("Depth")).contains("0");
        assertThat(server.take().body()).contains("sync-token");
        assertThat(server.take().body()).contains("calendar-query");
        assertThat(server.unread()).isEmpty();
        assertThat(store.listingsByChanges()).isZero();
        assertThat(store.listedCalendars().of(URI.create(calendar.value())).orElseThrow().syncToken())
                .isEqualTo("t3");
    }

    /** An answer to the PROPFIND of the calendar's sync token. */
    private static String syncToken(String token) {
        return "<d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>/cal/</d:href><d:propstat><d:prop><d:sync-token>"
                + token + "</d:sync-token></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>"
                + "</d:multistatus>";
    }

    /** An answer to the ETag listing: each event's resource with its ETag, and the calendar itself. */
    private static String etags(Map<CalendarEvent, String> events) {
        StringBuilder xml = new StringBuilder("<d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>/cal/</d:href>"
                + "<d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop>"
                + "<d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>");
        events.forEach((e, etag) -> xml.append("<d:response><d:href>/cal/").append(e.identity().resourceName())
                .append("</d:href><d:propstat><d:prop><d:getetag>").append(etag.replace("\"", "&quot;"))
                .append("</d:getetag><d:resourcetype/></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>")
                .append("</d:response>"));
        return xml.append("</d:multistatus>").toString();
    }

    /** A calendar-multiget answer with each event's data. */
    private static String data(Map<CalendarEvent, String> events) {
        ICalEventCodec codec = new ICalEventCodec(Clock.systemUTC());
        StringBuilder xml = new StringBuilder(
                "<d:multistatus xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">");
        events.forEach((e, etag) -> xml.append("<d:response><d:href>/cal/").append(e.identity().resourceName())
                .append("</d:href><d:propstat><d:prop><d:getetag>").append(etag.replace("\"", "&quot;"))
                .append("</d:getetag><c:calendar-data>").append(escape(codec.encodeNew(e)))
                .append("</c:calendar-data></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>")
                .append("</d:response>"));
        return xml.append("</d:multistatus>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Test
    void report_404_ofTheListedCalendar_isNotFound_butFindByUidSkipsIt() {
        server.enqueue(CannedAnswer.status(404));
        assertThatThrownBy(() -> store.listOwnedEvents(calendar)).isInstanceOf(EventNotFoundException.class);

        server.enqueue(CannedAnswer.status(404));
        assertThat(store.findEventsByUid(event.uid())).isEmpty();
    }

    @Test
    void check_401_isAuthentication_403_isForbidden_503_isUnreachable() {
        server.enqueue(CannedAnswer.status(401).withHeader("WWW-Authenticate", "Digest realm=\"x\""));
        assertThatThrownBy(store::checkConnection).isInstanceOfSatisfying(CalendarStoreException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION);
            assertThat(e.getMessage()).contains("'alice'", "[Digest]").doesNotContain("s3cret");
        });

        server.enqueue(CannedAnswer.status(403));
        assertThatThrownBy(store::checkConnection).isInstanceOfSatisfying(CalendarStoreException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN));

        server.enqueue(CannedAnswer.status(503));
        assertThatThrownBy(store::checkConnection).isInstanceOfSatisfying(CalendarStoreException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE));
    }
}
