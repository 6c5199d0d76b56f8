package io.calplanebot.adapter.builtin;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.EventVersion;
import io.calplanebot.core.domain.IssueFacts;
import io.calplanebot.core.domain.Person;
import io.calplanebot.core.domain.Priority;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.domain.StateGroup;
import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.core.port.out.StaleVersionException;
import io.calplanebot.core.testing.Events;
import io.calplanebot.ical.ICalEventCodec;
import io.calplanebot.ical.IcsFolding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the built-in store puts on disk, and how it treats files that others changed or a crash left. */
class VdirCalendarStoreFilesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T18:00:00Z"), ZoneOffset.UTC);
    private static final Project MOBILE = new Project("6f1c-aa", "MOB", "Mobile");

    @TempDir
    Path data;
    private VdirCalendarStore store;

    @BeforeEach
    void open() {
        store = VdirCalendarStore.open(data, CLOCK);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Path folder() {
        return data.resolve("calendars").resolve("plane-6f1c-aa");
    }

    @Test
    void aProjectsCalendar_isAFolderWithItsNameInDisplayname_andOneIcsFilePerEvent() throws IOException {
        CalendarId calendar = store.ensureCalendar(MOBILE);
        CalendarEvent event = Events.anEvent().forIssue("i-1").withSummary("[1] Ship 🚀").build();

        EventVersion version = store.create(calendar, event).orElseThrow();

        assertThat(calendar.value()).isEqualTo("plane-6f1c-aa");
        assertThat(Files.readString(folder().resolve("displayname"))).isEqualTo("Plane: Mobile");
        byte[] bytes = Files.readAllBytes(folder().resolve("plane-issue-i-1.ics"));
        assertThat(version).isEqualTo(Etags.of(bytes));
        assertThat(version.value()).matches("\"[0-9a-f]{32}\"");
        String ics = new String(bytes, StandardCharsets.UTF_8);
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("PRODID:-//CalPlaneBot//CalPlaneBot//EN",
                "UID:plane-issue-i-1@calplanebot", "SUMMARY:[1] Ship 🚀", "DTSTAMP:20261130T180000Z", "SEQUENCE:0");
        assertThat(IcsFolding.fold(ics)).isEqualTo(ics);
        assertThat(store.calendars()).containsExactly(calendar);
        assertThat(store.displayName(calendar)).isEqualTo("Plane: Mobile");
    }

    @Test
    void ensureCalendar_renamesTheDisplayname_whenTheProjectsNameChanged() throws IOException {
        CalendarId calendar = store.ensureCalendar(MOBILE);

        store.ensureCalendar(new Project(MOBILE.id(), "MOB", "Mobile App"));

        assertThat(Files.readString(folder().resolve("displayname"))).isEqualTo("Plane: Mobile App");
        assertThat(store.displayName(calendar)).isEqualTo("Plane: Mobile App");
        assertThat(store.findCalendar(MOBILE)).contains(calendar);
    }

    @Test
    void findCalendar_createsNothing() {
        assertThat(store.findCalendar(MOBILE)).isEmpty();
        assertThat(folder()).doesNotExist();
    }

    @Test
    void update_keepsAlarmsAndXPropertiesThatAnotherClientAdded_andRaisesTheSequence() throws IOException {
        CalendarId calendar = store.ensureCalendar(MOBILE);
        CalendarEvent event = Events.anEvent().forIssue("i-2").withSummary("[2] Before").build();
        store.create(calendar, event);
        Path file = folder().resolve("plane-issue-i-2.ics");
        String edited = Files.readString(file).replace("END:VEVENT\r\n", "X-KHAL-NOTE:keep me\r\nBEGIN:VALARM\r\n"
                + "ACTION:DISPLAY\r\nDESCRIPTION:Due\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\nEND:VEVENT\r\n");
        Files.writeString(file, edited);
        StoredEvent before = store.findEvent(calendar, event.identity()).orElseThrow();

        store.update(calendar, before.identity(), Events.anEvent().withUid(event.uid()).withSummary("[2] After").build(),
                before.version());

        String after = IcsFolding.unfold(Files.readString(file));
        assertThat(after).contains("SUMMARY:[2] After", "X-KHAL-NOTE:keep me", "BEGIN:VALARM", "TRIGGER:-PT15M",
                "SEQUENCE:1");
        assertThat(store.listOwnedEvents(calendar)).singleElement()
                .satisfies(stored -> assertThat(stored.event().summary()).isEqualTo("[2] After"));
    }

    @Test
    void aFileChangedByAnotherClient_hasANewVersion_soAnUpdateWithTheOldOneFails() throws IOException {
        CalendarId calendar = store.ensureCalendar(MOBILE);
        CalendarEvent event = Events.anEvent().forIssue("i-3").withSummary("[3] Mine").build();
        EventVersion version = store.create(calendar, event).orElseThrow();
        Path file = folder().resolve("plane-issue-i-3.ics");
        Files.writeString(file, Files.readString(file).replace("[3] Mine", "[3] Theirs"));

        assertThat(store.listOwnedEvents(calendar)).singleElement()
                .satisfies(stored -> assertThat(stored.event().summary()).isEqualTo("[3] Theirs"));
        assertThatThrownBy(() -> store.update(calendar, event.identity(), event, version))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> store.delete(calendar, event.identity(), version))
                .isInstanceOf(StaleVersionException.class);
        assertThat(Files.readString(file)).contains("[3] Theirs");
    }

    @Test
    void aTemporaryFileLeftByACrash_isNotAnEvent_andIsRemovedWhenTheStoreOpensAgain() throws IOException {
        CalendarId calendar = store.ensureCalendar(MOBILE);
        store.create(calendar, Events.anEvent().forIssue("i-4").build());
        Path leftover = folder().resolve(".plane-issue-i-5.ics.3f2a9c.tmp");
        Files.writeString(leftover, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:plane-issue-i-5@calpl");

        assertThat(store.listOwnedEvents(calendar)).extracting(StoredEvent::uid)
                .containsExactly("plane-issue-i-4@calplanebot");
        store.close();
        store = VdirCalendarStore.open(data, CLOCK);

        assertThat(leftover).doesNotExist();
        assertThat(store.listOwnedEvents(calendar)).extracting(StoredEvent::uid)
                .containsExactly("plane-issue-i-4@calplanebot");
        try (Stream<Path> files = Files.list(folder())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("displayname", "plane-issue-i-4.ics");
        }
    }

    @Test
    void theStoredEvent_isReadBackWithTheSameManagedContentAfterReopening() {
        CalendarId calendar = store.ensureCalendar(MOBILE);
        CalendarEvent event = Events.anEvent().forIssue("i-6").withSummary("[6] 日本語, with; punctuation")
                .withCategories("a,b", "c").withColor("orange").build();
        store.create(calendar, event);
        store.close();

        store = VdirCalendarStore.open(data, CLOCK);

        assertThat(store.listOwnedEvents(calendar)).singleElement()
                .satisfies(stored -> assertThat(stored.event().sameManagedContent(event)).isTrue());
    }

    @Test
    void theIssueFacts_areKeptInTheFile_throughCreateUpdateAndReopening() throws IOException {
        CalendarId calendar = store.ensureCalendar(MOBILE);
        IssueFacts started = new IssueFacts(MOBILE.id(), "MOB", StateGroup.STARTED, Priority.HIGH,
                List.of(new Person("u-1", "jo@example.com", "Jo Doe")));
        CalendarEvent event = Events.anEvent().forIssue("i-8").build().withFacts(Optional.of(started));
        EventVersion version = store.create(calendar, event).orElseThrow();
        assertThat(Files.readString(folder().resolve("plane-issue-i-8.ics")))
                .contains("X-PLANE-STATE-GROUP:started", "X-PLANE-ASSIGNEE;EMAIL=jo@example.com;CN=Jo Doe:u-1");
        assertThat(store.listOwnedEvents(calendar)).singleElement()
                .satisfies(stored -> assertThat(stored.event().facts()).contains(started));

        IssueFacts done = new IssueFacts(MOBILE.id(), "MOB", StateGroup.COMPLETED, Priority.HIGH, List.of());
        store.update(calendar, event.identity(), event.withFacts(Optional.of(done)), version);
        store.close();
        store = VdirCalendarStore.open(data, CLOCK);

        assertThat(store.listOwnedEvents(calendar)).singleElement()
                .satisfies(stored -> assertThat(stored.event().facts()).contains(done));
    }

    @Test
    void aSecondListing_reusesTheUnchangedEvents_andReadsOnlyTheFileThatChanged() throws IOException {
        CalendarId calendar = store.ensureCalendar(MOBILE);
        for (int i = 0; i < 5; i++) {
            store.create(calendar, Events.anEvent().forIssue("n-" + i).withSummary("[" + i + "] Same").build());
        }
        store.close();
        store = VdirCalendarStore.open(data, CLOCK);
        List<StoredEvent> first = store.listOwnedEvents(calendar);
        Path changed = folder().resolve("plane-issue-n-3.ics");
        Files.writeString(changed, Files.readString(changed).replace("[3] Same", "[3] Changed"));

        List<StoredEvent> second = store.listOwnedEvents(calendar);

        for (StoredEvent before : first) {
            StoredEvent after = second.stream().filter(e -> e.uid().equals(before.uid())).findFirst().orElseThrow();
            if (before.uid().equals("plane-issue-n-3@calplanebot")) {
                assertThat(after.event().summary()).isEqualTo("[3] Changed");
                assertThat(after.version()).isNotEqualTo(before.version());
            } else {
                assertThat(after).as("not read again").isSameAs(before);
            }
        }
    }

    @Test
    void aFileOfOursThatCannotBeRead_failsTheListing_ratherThanLookingLikeADeletion() throws IOException {
        CalendarId calendar = store.ensureCalendar(MOBILE);
        Files.writeString(folder().resolve("plane-issue-i-7.ics"), "this is not iCalendar");

        assertThatThrownBy(() -> store.listOwnedEvents(calendar)).hasMessageContaining("plane-issue-i-7.ics");
    }

    @Test
    void aForeignEvent_isListedByUidButNeverAsOurs() throws IOException {
        CalendarId calendar = store.ensureCalendar(MOBILE);
        String foreign = new ICalEventCodec(CLOCK).encodeNew(Events.anEvent().withUid("lunch@example.com").build());
        Files.writeString(folder().resolve("lunch.ics"), foreign);

        assertThat(store.listOwnedEvents(calendar)).isEmpty();
        assertThat(store.findEventsByUid("lunch@example.com")).singleElement()
                .satisfies(found -> assertThat(found.calendar()).isEqualTo(calendar));
    }

    @Test
    void checkConnection_failsWhenTheStoreIsClosed() {
        store.checkConnection();
        store.close();

        assertThatThrownBy(() -> store.checkConnection()).hasMessageContaining("closed");
    }
}
