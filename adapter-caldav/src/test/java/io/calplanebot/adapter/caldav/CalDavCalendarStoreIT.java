package io.calplanebot.adapter.caldav;

import io.calplanebot.adapter.caldav.dav.DavEntry;
import io.calplanebot.adapter.caldav.dav.DavNames;
import io.calplanebot.adapter.caldav.dav.DavResponse;
import io.calplanebot.adapter.caldav.dav.Hrefs;
import io.calplanebot.ical.IcsFolding;
import io.calplanebot.adapter.caldav.testing.CalDavEndpoint;
import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.EventIdentity;
import io.calplanebot.core.domain.EventVersion;
import io.calplanebot.core.domain.LocatedEvent;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.core.port.out.CalendarStore;
import io.calplanebot.core.port.out.CalendarStoreException;
import io.calplanebot.core.port.out.EventAlreadyExistsException;
import io.calplanebot.core.port.out.EventNotFoundException;
import io.calplanebot.core.port.out.StaleVersionException;
import io.calplanebot.core.testing.CalendarStoreContract;
import io.calplanebot.core.testing.Events;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The calendar store contract and the CalDAV scenarios, against one real server per subclass. The server is
 * started once per class; every test works in calendars of its own (random project ids).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CalDavCalendarStoreIT extends CalendarStoreContract {
    protected CalDavEndpoint server;
    protected RawCalDav raw;
    private final OpenedStores opened = new OpenedStores();

    /** Starts (or skips on) the server; called once per class. */
    protected abstract CalDavEndpoint startServer();

    protected abstract void stopServer();

    /** How this server differs from the others where that is legitimate. */
    protected abstract ServerQuirks quirks();

    @BeforeAll
    void startServerOnce() {
        server = startServer();
        raw = new RawCalDav(server);
    }

    @AfterAll
    void stopServerOnce() {
        if (raw != null) {
            raw.close();
        }
        stopServer();
    }

    @AfterEach
    void closeStores() {
        opened.closeAll();
    }

    @Override
    protected CalendarStore store() {
        return open(server.baseUrl());
    }

    @Override
    protected void putForeignEvent(CalendarId calendar, String uid, String summary) {
        raw.put(Hrefs.child(URI.create(calendar.value()), uid + ".ics"), ForeignEvents.allDay(uid, summary));
    }

    protected CalDavCalendarStore open(String url) {
        return open(CalDavCalendarStore.builder(server.settings(url, Duration.ofSeconds(5),
                Duration.ofSeconds(30))).retries(2, Duration.ofMillis(50)));
    }

    protected CalDavCalendarStore open(CalDavCalendarStore.Builder builder) {
        return opened.add(builder.build());
    }

    private URI home() {
        return Hrefs.asCollection(URI.create(server.calendarHomeUrl()));
    }

    // ---- discovery ---------------------------------------------------------------------------------------------

    @Test
    void discovery_fromTheServerRoot_findsTheCalendarHome() {
        assertThat(open(server.rootUrl()).calendarHome()).isEqualTo(home());
    }

    @Test
    void discovery_fromWellKnown_followsTheRedirectWithThePropfind() {
        assertThat(open(server.rootUrl() + ".well-known/caldav").calendarHome()).isEqualTo(home());
    }

    @Test
    void discovery_fromTheServiceUrl_findsTheCalendarHome() {
        assertThat(open(server.baseUrl()).calendarHome()).isEqualTo(home());
    }

    @Test
    void discovery_fromThePrincipalUrl_findsTheCalendarHome() {
        assertThat(open(server.principalUrl()).calendarHome()).isEqualTo(home());
    }

    @Test
    void discovery_fromTheCalendarHomeUrl_keepsIt() {
        CalDavCalendarStore home = open(server.calendarHomeUrl());
        assertThat(home.calendarHome()).isEqualTo(home());
        assertThat(home.isSingleCalendar()).isFalse();
    }

    @Test
    void discovery_fromACalendarUrl_putsEveryProjectIntoThatCalendar() {
        URI shared = Hrefs.childCollection(home(), "shared-" + UUID.randomUUID());
        raw.mkcalendar(shared, "Team deadlines");
        CalDavCalendarStore single = open(shared.toString().replaceAll("/$", ""));
        Project other = new Project(UUID.randomUUID().toString(), "OTH", "Other");

        CalendarId first = single.ensureCalendar(project);
        CalendarId second = single.ensureCalendar(other);
        CalendarEvent a = event("[1] In the shared calendar");
        CalendarEvent b = event("[2] Also there");
        single.create(first, a);
        single.create(second, b);

        assertThat(single.isSingleCalendar()).isTrue();
        assertThat(first).isEqualTo(second).isEqualTo(new CalendarId(shared.toString()));
        assertThat(single.findCalendar(other)).contains(first);
        assertThat(single.listOwnedEvents(first)).extracting(StoredEvent::uid).containsExactlyInAnyOrder(a.uid(), b.uid());
        assertThat(single.findEventsByUid(b.uid())).extracting(LocatedEvent::calendar).containsExactly(first);
        assertThat(raw.text(shared, DavNames.DISPLAYNAME)).contains("Team deadlines");
    }

    // ---- calendars -----------------------------------------------------------------------------------------------

    @Test
    void ensureCalendar_createsPlaneCalendar_withDisplayNameColorAndDescription() {
        CalendarId calendar = store.ensureCalendar(project);

        URI url = URI.create(calendar.value());
        DavEntry properties = raw.properties(url);
        assertThat(url).isEqualTo(Hrefs.childCollection(home(), "plane-" + project.id()));
        assertThat(properties.hasResourceType(DavNames.CALENDAR)).isTrue();
        assertThat(properties.text(DavNames.DISPLAYNAME)).contains("Plane: " + project.name());
        assertThat(properties.text(DavNames.CALENDAR_COLOR)).hasValueSatisfying(c -> assertThat(c).startsWith("#3A6FD8"));
        if (quirks().keepsCalendarDescription()) {
            assertThat(properties.text(DavNames.CALENDAR_DESCRIPTION))
                    .hasValueSatisfying(d -> assertThat(d).contains(project.name()));
        } else {
            assertThat(properties.text(DavNames.CALENDAR_DESCRIPTION)).isEmpty();
        }
    }

    @Test
    void ensureCalendar_renamesTheCalendar_whenTheProjectIsRenamed() {
        CalendarId calendar = store.ensureCalendar(project);
        Project renamed = new Project(project.id(), project.identifier(), "Renamed – 🚀 Ünïcödé & <more>");

        CalendarId after = store.ensureCalendar(renamed);

        assertThat(after).isEqualTo(calendar);
        String expected = quirks().escapesDisplayNames()
                ? renamed.calendarName().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                : renamed.calendarName();
        assertThat(raw.text(URI.create(calendar.value()), DavNames.DISPLAYNAME)).contains(expected);
        assertThat(store.findCalendar(renamed)).contains(calendar);
    }

    @Test
    void ensureCalendar_adoptsAnExistingCalendarNamedForTheProject() {
        URI existing = Hrefs.childCollection(home(), "made-by-hand-" + UUID.randomUUID());
        raw.mkcalendar(existing, project.calendarName());

        CalendarId calendar = store.ensureCalendar(project);

        assertThat(calendar.value()).isEqualTo(existing.toString());
        assertThat(members(home())).doesNotContain(Hrefs.childCollection(home(), "plane-" + project.id()));
    }

    @Test
    void findCalendar_neverCreatesACalendar() {
        assertThat(store.findCalendar(project)).isEmpty();
        assertThat(members(home())).doesNotContain(Hrefs.childCollection(home(), "plane-" + project.id()));
    }

    // ---- events --------------------------------------------------------------------------------------------------

    @Test
    void create_andUpdate_returnTheVersionsTheServerReports() {
        CalendarId calendar = store.ensureCalendar(project);
        CalendarEvent event = event("[1] Versions");

        Optional<EventVersion> created = store.create(calendar, event);
        StoredEvent listed = store.listOwnedEvents(calendar).get(0);
        Optional<EventVersion> updated = store.update(calendar, listed.identity(),
                Events.anEvent().withUid(event.uid()).withSummary("[1] Versions, again").build(), listed.version());

        assertThat(created).contains(listed.version());
        assertThat(updated).isPresent().isNotEqualTo(created);
        assertThat(store.findEvent(calendar, event.identity()).orElseThrow().version()).isEqualTo(updated.get());
    }

    @Test
    void update_keepsAlarmsAndXPropertiesAddedByAnotherClient_andCountsTheSequence() {
        CalendarId calendar = store.ensureCalendar(project);
        CalendarEvent event = event("[2] With a reminder");
        store.create(calendar, event);
        URI href = Hrefs.child(URI.create(calendar.value()), event.identity().resourceName());
        DavResponse stored = raw.get(href);
        raw.putIfMatch(href, ForeignEvents.withAlarmAndXProperty(stored.bodyText()), stored.etag().orElseThrow());
        StoredEvent edited = store.findEvent(calendar, event.identity()).orElseThrow();

        CalendarEvent changed = Events.anEvent().withUid(event.uid()).withSummary("[2] Renamed, reminder kept")
                .on(LocalDate.of(2027, 3, 1)).withCategories("later").build();
        store.update(calendar, edited.identity(), changed, edited.version());

        String after = IcsFolding.unfold(raw.get(href).bodyText());
        assertThat(after).contains("BEGIN:VALARM", "TRIGGER:-PT15M", "END:VALARM", "X-CLIENT-NOTE;X-SOURCE=phone:keep me");
        assertThat(after).contains("SUMMARY:[2] Renamed\\, reminder kept", "DTSTART;VALUE=DATE:20270301",
                "SEQUENCE:1");
        assertThat(after).doesNotContain("ATTENDEE", "ORGANIZER", "[2] With a reminder");
        assertThat(store.findEvent(calendar, event.identity()).orElseThrow().event().sameManagedContent(changed)).isTrue();
    }

    @Test
    void foreignEvents_stayByteForByteUnchanged_whileOurEventsChange() {
        CalendarId calendar = store.ensureCalendar(project);
        String foreignUid = "birthday-" + UUID.randomUUID() + "@example.com";
        putForeignEvent(calendar, foreignUid, "Birthday");
        URI foreign = Hrefs.child(URI.create(calendar.value()), foreignUid + ".ics");
        DavResponse before = raw.get(foreign);
        CalendarEvent ours = event("[3] Ours");
        store.create(calendar, ours);
        StoredEvent stored = store.listOwnedEvents(calendar).get(0);
        store.update(calendar, stored.identity(), Events.anEvent().withUid(ours.uid()).withSummary("[3] Ours v2").build(),
                stored.version());
        store.delete(calendar, stored.identity(), store.findEvent(calendar, ours.identity()).orElseThrow().version());

        DavResponse after = raw.get(foreign);
        assertThat(after.etag()).isEqualTo(before.etag());
        assertThat(after.bodyText()).isEqualTo(before.bodyText());
        assertThat(store.listOwnedEvents(calendar)).isEmpty();
    }

    @Test
    void listing_copesWithPercentEncodedResourceNames() {
        CalendarId calendar = store.ensureCalendar(project);
        String uid = EventIdentity.uidForIssue(UUID.randomUUID().toString());
        raw.put(Hrefs.child(URI.create(calendar.value()), "a b@c.ics"), ForeignEvents.allDay(uid, "[4] Odd name"));

        List<StoredEvent> listed = store.listOwnedEvents(calendar);

        assertThat(listed).extracting(StoredEvent::identity).containsExactly(new EventIdentity(uid, "a b@c.ics"));
        StoredEvent found = store.findEvent(calendar, listed.get(0).identity()).orElseThrow();
        assertThat(found.event().summary()).isEqualTo("[4] Odd name");
        store.delete(calendar, found.identity(), found.version());
        assertThat(store.listOwnedEvents(calendar)).isEmpty();
    }

    @Test
    void listOwnedEvents_ofACalendarThatIsNotThere_failsAsNotFound_insteadOfReturningAnEmptyList() {
        CalendarId missing = new CalendarId(Hrefs.childCollection(home(), "never-made-" + UUID.randomUUID()).toString());

        assertThatThrownBy(() -> store.listOwnedEvents(missing)).isInstanceOf(EventNotFoundException.class);
        assertThat(store.findEvent(missing, event("[0] x").identity())).isEmpty();
    }

    @Test
    void aStoreOpenedOnTheSameStatusFile_listsWhatTheServerHolds_includingEventsChangedOrDeletedBehindItsBack(
            @TempDir Path data) {
        Path status = data.resolve("caldav-status.bin");
        CalDavCalendarStore first = CalDavCalendarStore.builder(server.settings(server.baseUrl(),
                Duration.ofSeconds(5), Duration.ofSeconds(30))).knownVersionsFile(status).build();
        CalendarId calendar = first.ensureCalendar(project);
        CalendarEvent kept = event("[1] Kept");
        CalendarEvent edited = event("[2] Edited by hand later");
        CalendarEvent deleted = event("[3] Deleted by hand later");
        for (CalendarEvent e : List.of(kept, edited, deleted)) {
            first.create(calendar, e);
        }
        putForeignEvent(calendar, "dentist-" + UUID.randomUUID(), "Dentist");
        assertThat(first.listOwnedEvents(calendar)).hasSize(3);
        first.close();
        assertThat(status).isNotEmptyFile();
        URI calendarUrl = URI.create(calendar.value());
        URI editedUrl = Hrefs.child(calendarUrl, edited.identity().resourceName());
        DavResponse current = raw.get(editedUrl);
        raw.putIfMatch(editedUrl, current.bodyText().replace("[2] Edited by hand later", "[2] Edited by hand"),
                current.etag().orElseThrow());
        raw.delete(Hrefs.child(calendarUrl, deleted.identity().resourceName()));

        CalDavCalendarStore second = open(CalDavCalendarStore.builder(server.settings(server.baseUrl(),
                Duration.ofSeconds(5), Duration.ofSeconds(30))).knownVersionsFile(status));
        List<StoredEvent> listed = second.listOwnedEvents(calendar);
        assertThat(second.listingsByChanges()).as("listed by the sync token kept in the file")
                .isEqualTo(quirks().syncTokens() == ServerQuirks.SyncTokens.NONE ? 0 : 1);

        assertThat(listed).extracting(stored -> stored.event().summary())
                .containsExactlyInAnyOrder("[1] Kept", "[2] Edited by hand");
        StoredEvent keptNow = listed.stream().filter(e -> e.uid().equals(kept.uid())).findFirst().orElseThrow();
        assertThat(keptNow.event().sameManagedContent(kept)).isTrue();
        assertThat(keptNow.version()).as("the version a conditional write needs")
                .isEqualTo(new EventVersion(raw.get(Hrefs.child(calendarUrl, kept.identity().resourceName()))
                        .etag().orElseThrow()));
        second.update(calendar, keptNow.identity(), Events.anEvent().withUid(kept.uid())
                .withSummary("[1] Kept, then changed").build(), keptNow.version());
        assertThat(open(server.baseUrl()).listOwnedEvents(calendar)).extracting(e -> e.event().summary())
                .contains("[1] Kept, then changed");
    }

    // ---- listing by sync token (RFC 6578) ---------------------------------------------------------------------

    @Test
    void listing_afterChangesByOtherClients_followsThemByTheCalendarsSyncToken_whereTheServerKeepsOne() {
        CalDavCalendarStore mine = open(server.baseUrl());
        CalendarId calendar = mine.ensureCalendar(project);
        URI calendarUrl = URI.create(calendar.value());
        CalendarEvent kept = event("[1] Kept");
        CalendarEvent edited = event("[2] Edited by hand later");
        CalendarEvent deleted = event("[3] Deleted by hand later");
        CalendarEvent changedByUs = event("[4] Changed by us later");
        for (CalendarEvent e : List.of(kept, edited, deleted, changedByUs)) {
            mine.create(calendar, e);
        }
        assertThat(mine.listOwnedEvents(calendar)).hasSize(4);
        boolean followsTokens = quirks().syncTokens() != ServerQuirks.SyncTokens.NONE;
        assertThat(mine.listedCalendars().of(calendarUrl)).as("a sync token kept for the calendar")
                .matches(listed -> listed.isPresent() == followsTokens);

        URI editedUrl = Hrefs.child(calendarUrl, edited.identity().resourceName());
        DavResponse current = raw.get(editedUrl);
        raw.putIfMatch(editedUrl, current.bodyText().replace("[2] Edited by hand later", "[2] Edited by hand"),
                current.etag().orElseThrow());
        raw.delete(Hrefs.child(calendarUrl, deleted.identity().resourceName()));
        putForeignEvent(calendar, "dentist-" + UUID.randomUUID(), "Dentist");
        CalendarEvent added = event("[5] Added by another instance");
        open(server.baseUrl()).create(calendar, added);
        StoredEvent ours = mine.findEvent(calendar, changedByUs.identity()).orElseThrow();
        mine.update(calendar, ours.identity(), Events.anEvent().withUid(changedByUs.uid())
                .withSummary("[4] Changed by us").build(), ours.version());

        List<StoredEvent> listed = mine.listOwnedEvents(calendar);

        assertThat(listed).extracting(stored -> stored.event().summary()).containsExactlyInAnyOrder("[1] Kept",
                "[2] Edited by hand", "[4] Changed by us", "[5] Added by another instance");
        for (StoredEvent stored : listed) {
            assertThat(stored.version()).as("the version a conditional write needs, for " + stored.uid())
                    .isEqualTo(new EventVersion(raw.get(Hrefs.child(calendarUrl, stored.identity().resourceName()))
                            .etag().orElseThrow()));
        }
        assertThat(mine.listingsByChanges()).as("listings that took only the changes").isEqualTo(followsTokens ? 1 : 0);
        assertThat(mine.listOwnedEvents(calendar)).hasSize(4);
        assertThat(mine.listingsByChanges()).isEqualTo(followsTokens ? 2 : 0);
    }

    @Test
    void aSyncTokenTheServerDoesNotKnow_endsInAWholeListing_atOnceOrAtTheFirstWriteThatFails() {
        CalDavCalendarStore mine = open(server.baseUrl());
        CalendarId calendar = mine.ensureCalendar(project);
        URI calendarUrl = URI.create(calendar.value());
        CalendarEvent kept = event("[1] Kept");
        CalendarEvent deleted = event("[2] Deleted by hand later");
        mine.create(calendar, kept);
        mine.create(calendar, deleted);
        assertThat(mine.listOwnedEvents(calendar)).hasSize(2);
        if (quirks().syncTokens() == ServerQuirks.SyncTokens.NONE) {
            assertThat(mine.listedCalendars().of(calendarUrl)).as("no token to follow").isEmpty();
            return;
        }
        StoredEvent deletedAsListed = mine.findEvent(calendar, deleted.identity()).orElseThrow();
        raw.delete(Hrefs.child(calendarUrl, deleted.identity().resourceName()));
        ListedCalendar known = mine.listedCalendars().of(calendarUrl).orElseThrow();
        // Not a token any of these servers made (a suffix on a real one is not enough: DAViCal and Cyrus read the
        // number at its start).
        mine.listedCalendars().put(calendarUrl, new ListedCalendar("data:,X-unknown", known.wholeListingAt(),
                known.members()));

        List<StoredEvent> listed = mine.listOwnedEvents(calendar);

        if (quirks().syncTokens() == ServerQuirks.SyncTokens.REFUSES_UNKNOWN) {
            assertThat(listed).extracting(stored -> stored.event().summary()).containsExactly("[1] Kept");
            assertThat(mine.listingsByChanges()).isZero();
        } else {
            // The server answered with its members alone, so the removal was not among them: the event still looks
            // present until a write to it fails, and that failure makes the next listing a whole one.
            assertThat(listed).extracting(stored -> stored.event().summary())
                    .containsExactlyInAnyOrder("[1] Kept", "[2] Deleted by hand later");
            assertThat(mine.listingsByChanges()).isOne();
            assertThatThrownBy(() -> mine.update(calendar, deletedAsListed.identity(), Events.anEvent()
                    .withUid(deleted.uid()).withSummary("[2] Again").build(), deletedAsListed.version()))
                    .isInstanceOf(StaleVersionException.class); // the conditional PUT finds nothing to match
            assertThat(mine.listOwnedEvents(calendar)).extracting(stored -> stored.event().summary())
                    .containsExactly("[1] Kept");
            assertThat(mine.listingsByChanges()).isOne();
        }
        assertThat(mine.listedCalendars().of(calendarUrl)).as("a new token from the whole listing").isPresent();
    }

    @Test
    void aCalendarFollowedByItsTokenForADay_isListedWholeAgain() {
        CalDavCalendarStore mine = open(server.baseUrl());
        CalendarId calendar = mine.ensureCalendar(project);
        URI calendarUrl = URI.create(calendar.value());
        mine.create(calendar, event("[1] Kept"));
        assertThat(mine.listOwnedEvents(calendar)).hasSize(1);
        if (quirks().syncTokens() == ServerQuirks.SyncTokens.NONE) {
            assertThat(mine.listedCalendars().of(calendarUrl)).as("no token to follow").isEmpty();
            return;
        }
        ListedCalendar known = mine.listedCalendars().of(calendarUrl).orElseThrow();
        Instant dayAgo = known.wholeListingAt().minus(CalendarEvents.WHOLE_LISTING_EVERY);
        mine.listedCalendars().put(calendarUrl, new ListedCalendar(known.syncToken(), dayAgo, known.members()));

        assertThat(mine.listOwnedEvents(calendar)).hasSize(1);

        assertThat(mine.listingsByChanges()).isZero();
        assertThat(mine.listedCalendars().of(calendarUrl).orElseThrow().wholeListingAt()).isAfter(dayAgo);
        assertThat(mine.listOwnedEvents(calendar)).hasSize(1);
        assertThat(mine.listingsByChanges()).isOne();
    }

    @Test
    void aCalendarDeletedAndCreatedAgain_isListedWhole_notByTheTokenOfTheOneBefore() {
        CalDavCalendarStore mine = open(server.baseUrl());
        CalendarId calendar = mine.ensureCalendar(project);
        mine.create(calendar, event("[1] In the calendar that gets deleted"));
        assertThat(mine.listOwnedEvents(calendar)).hasSize(1);
        raw.delete(URI.create(calendar.value()));

        assertThat(mine.ensureCalendar(project)).isEqualTo(calendar);

        assertThat(mine.listOwnedEvents(calendar)).isEmpty();
        assertThat(mine.listingsByChanges()).isZero();
    }

    @Test
    void create_roundTripsUnicodeLongTextAndCategoriesWithSeparators() {
        CalendarId calendar = store.ensureCalendar(project);
        CalendarEvent event = Events.anEvent().forIssue(UUID.randomUUID().toString())
                .withSummary("[5]" + " Ünïcödé 🚀 日本語".repeat(12))
                .withDescription("Zeile 1\nLine, with; all \\ the: separators\n\n" + "👩‍💻".repeat(40))
                .withCategories("a,b", "c;d", "e\\f", "ラベル").withColor("orange")
                .withUrl("https://plane.example.com/acme/browse/MOB-5/").build();

        store.create(calendar, event);

        StoredEvent listed = open(server.baseUrl()).listOwnedEvents(calendar).get(0); // as the server holds it
        if (quirks().keepsCommasInCategories()) {
            assertThat(listed.event().sameManagedContent(event)).as("listed %s", listed.event()).isTrue();
            assertThat(listed.event().categorySet()).containsExactlyInAnyOrder("a,b", "c;d", "e\\f", "ラベル");
        } else {
            assertThat(listed.event().categorySet()).containsExactlyInAnyOrder("a", "b", "c;d", "e\\f", "ラベル");
            CalendarEvent withoutComma = Events.anEvent().withUid(event.uid()).withSummary(event.summary())
                    .withDescription(event.description()).withCategories("a", "b", "c;d", "e\\f", "ラベル")
                    .withColor("orange").withUrl(event.url()).build();
            assertThat(listed.event().sameManagedContent(withoutComma)).as("listed %s", listed.event()).isTrue();
        }
    }

    @Test
    void create_whenTheUidIsTakenByAnotherResource_isRefusedWhereTheServerEnforcesUniqueUids() {
        CalendarId calendar = store.ensureCalendar(project);
        CalendarEvent event = event("[6] Twice");
        raw.put(Hrefs.child(URI.create(calendar.value()), "copied-by-a-client.ics"),
                ForeignEvents.allDay(event.uid(), "[6] Copy"));

        if (quirks().rejectsDuplicateUids()) {
            assertThatThrownBy(() -> store.create(calendar, event)).isInstanceOf(EventAlreadyExistsException.class);
        } else {
            assertThat(store.create(calendar, event)).isPresent();
        }
    }

    // ---- failures ------------------------------------------------------------------------------------------------

    @Test
    void wrongPassword_isAnAuthenticationError_namingUrlAndUser_butNotThePassword() {
        String wrong = "Wr0ng-" + UUID.randomUUID();
        CalDavSettings settings = new CalDavSettings(URI.create(server.baseUrl()), server.user(), wrong, server.auth(),
                Duration.ofSeconds(5), Duration.ofSeconds(30), java.time.Clock.systemUTC());
        CalDavCalendarStore store = open(CalDavCalendarStore.builder(settings));

        assertThatThrownBy(store::checkConnection)
                .isInstanceOfSatisfying(CalendarStoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(CalendarStoreException.Reason.AUTHENTICATION);
                    assertThat(e.getMessage()).contains(server.user(), Hrefs.origin(URI.create(server.baseUrl())))
                            .doesNotContain(wrong);
                });
    }

    @Test
    void serverDown_isUnreachable_namingTheUrl() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        String url = server.baseUrl().replaceFirst(":\\d+/", ":" + port + "/");
        CalDavCalendarStore down = open(CalDavCalendarStore.builder(server.settings(url, Duration.ofSeconds(2),
                Duration.ofSeconds(2))).retries(2, Duration.ofMillis(20)));

        assertThatThrownBy(() -> down.ensureCalendar(project))
                .isInstanceOfSatisfying(CalendarStoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(CalendarStoreException.Reason.UNREACHABLE);
                    assertThat(e.getMessage()).contains("127.0.0.1:" + port);
                });
    }

    private List<URI> members(URI collection) {
        List<URI> members = new ArrayList<>();
        raw.members(collection).forEach(m -> members.add(Hrefs.asCollection(m)));
        return members;
    }
}
