package io.calplanebot.core.testing;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.EventStatus;
import io.calplanebot.core.domain.EventVersion;
import io.calplanebot.core.domain.LocatedEvent;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.core.port.out.CalendarStore;
import io.calplanebot.core.port.out.CalendarStoreException;
import io.calplanebot.core.port.out.EventAlreadyExistsException;
import io.calplanebot.core.port.out.StaleVersionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link CalendarStore} must do. Extend it with a store under test: the in-memory store in core,
 * the CalDAV store against each real server.
 */
public abstract class CalendarStoreContract {

    /** A store to test; called once per test. */
    protected abstract CalendarStore store();

    /**
     * Puts an event with a UID we do not own into the calendar the way another calendar client would, so the
     * contract can check that the store neither lists nor touches it.
     */
    protected abstract void putForeignEvent(CalendarId calendar, String uid, String summary);

    /** Whether each project gets its own calendar (false in single-calendar mode). */
    protected boolean calendarPerProject() {
        return true;
    }

    protected CalendarStore store;
    protected Project project;

    @BeforeEach
    void setUpContract() {
        store = store();
        String id = UUID.randomUUID().toString();
        project = new Project(id, "T" + id.substring(0, 4).toUpperCase(java.util.Locale.ROOT), "Contract " + id.substring(0, 8));
    }

    protected CalendarEvent event(String summary) {
        return Events.anEvent().forIssue(UUID.randomUUID().toString()).withSummary(summary).build();
    }

    @Test
    void ensureCalendar_returnsTheSameCalendar_whenCalledTwice() {
        CalendarId first = store.ensureCalendar(project);
        CalendarId second = store.ensureCalendar(project);
        assertThat(second).isEqualTo(first);
        assertThat(store.findCalendar(project)).contains(first);
    }

    @Test
    void ensureCalendar_keepsTheCalendar_whenTheProjectIsRenamed() {
        CalendarId before = store.ensureCalendar(project);
        CalendarEvent event = event("[1] Survives a rename");
        store.create(before, event);

        CalendarId after = store.ensureCalendar(new Project(project.id(), project.identifier(), project.name() + " renamed"));

        assertThat(after).isEqualTo(before);
        assertThat(store.listOwnedEvents(after)).extracting(StoredEvent::uid).contains(event.uid());
    }

    @Test
    void ensureCalendar_givesEachProjectItsOwnCalendar() {
        Project other = new Project(UUID.randomUUID().toString(), "OTH", "Other " + project.name());
        CalendarId mine = store.ensureCalendar(project);
        CalendarId theirs = store.ensureCalendar(other);
        if (calendarPerProject()) {
            assertThat(theirs).isNotEqualTo(mine);
        } else {
            assertThat(theirs).isEqualTo(mine);
        }
    }

    @Test
    void listOwnedEvents_isEmpty_forANewCalendar() {
        CalendarId calendar = store.ensureCalendar(project);
        assertThat(store.listOwnedEvents(calendar)).isEmpty();
    }

    @Test
    void create_thenList_returnsTheEventWithAVersionAndTheSameContent() {
        CalendarId calendar = store.ensureCalendar(project);
        CalendarEvent event = Events.anEvent().forIssue(UUID.randomUUID().toString())
                .withSummary("[7] Ship it").withDescription("Line one\nLine two, with; punctuation\\ and more")
                .on(LocalDate.of(2026, 12, 31)).withCategories("bug", "backend").withColor("red")
                .withStatus(EventStatus.CANCELLED).build();

        store.create(calendar, event);

        List<StoredEvent> listed = store.listOwnedEvents(calendar);
        assertThat(listed).hasSize(1);
        StoredEvent stored = listed.get(0);
        assertThat(stored.version().value()).isNotBlank();
        assertThat(stored.identity()).isEqualTo(event.identity());
        assertThat(stored.event().sameManagedContent(event))
                .as("stored %s%nwanted %s", stored.event(), event).isTrue();
        assertThat(stored.event().end()).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void create_keepsUnicodeExactly() {
        CalendarId calendar = store.ensureCalendar(project);
        String summary = "[42] Release 🚀 日本語のタイトル עברית مرحبا — naïve café 👩‍💻";
        CalendarEvent event = Events.anEvent().forIssue(UUID.randomUUID().toString()).withSummary(summary)
                .withDescription("Emoji 🎉🎉 and CJK 漢字かなカナ, RTL שלום עולם; " + "x".repeat(200))
                .withCategories("ラベル", "🐛 bug").build();

        store.create(calendar, event);

        StoredEvent stored = store.findEvent(calendar, event.identity()).orElseThrow();
        assertThat(stored.event().summary()).isEqualTo(summary);
        assertThat(stored.event().sameManagedContent(event)).as("stored %s", stored.event()).isTrue();
    }

    @Test
    void create_refusesAnEventThatAlreadyExists() {
        CalendarId calendar = store.ensureCalendar(project);
        CalendarEvent event = event("[1] Once");
        store.create(calendar, event);

        assertThatThrownBy(() -> store.create(calendar, event)).isInstanceOf(EventAlreadyExistsException.class);
    }

    @Test
    void create_withoutColorOrCategories_roundTripsAsEmpty() {
        CalendarId calendar = store.ensureCalendar(project);
        CalendarEvent event = event("[2] Plain");
        store.create(calendar, event);

        StoredEvent stored = store.findEvent(calendar, event.identity()).orElseThrow();
        assertThat(stored.event().color()).isEmpty();
        assertThat(stored.event().categorySet()).isEmpty();
    }

    @Test
    void update_withTheCurrentVersion_replacesTheContentAndChangesTheVersion() {
        CalendarId calendar = store.ensureCalendar(project);
        CalendarEvent event = event("[3] Before");
        store.create(calendar, event);
        StoredEvent before = store.findEvent(calendar, event.identity()).orElseThrow();
        CalendarEvent changed = Events.anEvent().withUid(event.uid()).withSummary("[3] After")
                .on(LocalDate.of(2027, 2, 28)).withCategories("new").withColor("orange").build();

        store.update(calendar, before.identity(), changed, before.version());

        StoredEvent after = store.findEvent(calendar, event.identity()).orElseThrow();
        assertThat(after.event().sameManagedContent(changed)).as("stored %s", after.event()).isTrue();
        assertThat(after.version()).isNotEqualTo(before.version());
    }

    @Test
    void update_withAStaleVersion_failsAndChangesNothing() {
        CalendarId calendar = store.ensureCalendar(project);
        CalendarEvent event = event("[4] Original");
        store.create(calendar, event);
        StoredEvent first = store.findEvent(calendar, event.identity()).orElseThrow();
        CalendarEvent second = Events.anEvent().withUid(event.uid()).withSummary("[4] Second").build();
        store.update(calendar, first.identity(), second, first.version());

        CalendarEvent third = Events.anEvent().withUid(event.uid()).withSummary("[4] Third").build();
        assertThatThrownBy(() -> store.update(calendar, first.identity(), third, first.version()))
                .isInstanceOf(StaleVersionException.class);
        assertThat(store.findEvent(calendar, event.identity()).orElseThrow().event().summary()).isEqualTo("[4] Second");
    }

    @Test
    void update_ofAMissingEvent_failsWithNotFoundOrConflict() {
        CalendarId calendar = store.ensureCalendar(project);
        CalendarEvent event = event("[5] Never stored");
        assertThatThrownBy(() -> store.update(calendar, event.identity(), event, new EventVersion("\"nope\"")))
                .isInstanceOfSatisfying(CalendarStoreException.class, e -> assertThat(e.reason())
                        .isIn(CalendarStoreException.Reason.NOT_FOUND, CalendarStoreException.Reason.VERSION_CONFLICT));
    }

    @Test
    void delete_withAStaleVersion_failsAndKeepsTheEvent() {
        CalendarId calendar = store.ensureCalendar(project);
        CalendarEvent event = event("[6] Keep me");
        store.create(calendar, event);
        StoredEvent first = store.findEvent(calendar, event.identity()).orElseThrow();
        store.update(calendar, first.identity(), Events.anEvent().withUid(event.uid()).withSummary("[6] Edited").build(),
                first.version());

        assertThatThrownBy(() -> store.delete(calendar, first.identity(), first.version()))
                .isInstanceOf(StaleVersionException.class);
        assertThat(store.findEvent(calendar, event.identity())).isPresent();
    }

    @Test
    void delete_withTheCurrentVersion_removesTheEvent() {
        CalendarId calendar = store.ensureCalendar(project);
        CalendarEvent event = event("[7] Goodbye");
        store.create(calendar, event);
        StoredEvent stored = store.findEvent(calendar, event.identity()).orElseThrow();

        store.delete(calendar, stored.identity(), stored.version());

        assertThat(store.findEvent(calendar, event.identity())).isEmpty();
        assertThat(store.listOwnedEvents(calendar)).isEmpty();
    }

    @Test
    void delete_ofAMissingEvent_failsWithNotFoundOrConflict() {
        CalendarId calendar = store.ensureCalendar(project);
        CalendarEvent event = event("[8] Gone");
        assertThatThrownBy(() -> store.delete(calendar, event.identity(), new EventVersion("\"nope\"")))
                .isInstanceOfSatisfying(CalendarStoreException.class, e -> assertThat(e.reason())
                        .isIn(CalendarStoreException.Reason.NOT_FOUND, CalendarStoreException.Reason.VERSION_CONFLICT));
    }

    @Test
    void listOwnedEvents_leavesForeignEventsOut_andWritesLeaveThemAlone() {
        CalendarId calendar = store.ensureCalendar(project);
        String foreignUid = "dentist-" + UUID.randomUUID() + "@example.com";
        putForeignEvent(calendar, foreignUid, "Dentist");
        CalendarEvent ours = event("[9] Ours");
        store.create(calendar, ours);

        assertThat(store.listOwnedEvents(calendar)).extracting(StoredEvent::uid).containsExactly(ours.uid());
        assertThat(store.findEventsByUid(foreignUid)).hasSize(1);
    }

    @Test
    void findEventsByUid_findsTheEventInWhicheverCalendarHoldsIt() {
        CalendarId calendar = store.ensureCalendar(project);
        CalendarEvent event = event("[10] Somewhere");
        store.create(calendar, event);

        List<LocatedEvent> found = store.findEventsByUid(event.uid());

        assertThat(found).hasSize(1);
        assertThat(found.get(0).calendar()).isEqualTo(calendar);
        assertThat(found.get(0).stored().event().summary()).isEqualTo("[10] Somewhere");
        assertThat(store.findEventsByUid(event("[0] nothing").uid())).isEmpty();
    }

    @Test
    void findEvent_isEmpty_forAnEventThatWasNeverStored() {
        CalendarId calendar = store.ensureCalendar(project);
        assertThat(store.findEvent(calendar, event("[11] Absent").identity())).isEqualTo(Optional.empty());
    }

    @Test
    void checkConnection_succeeds_onAWorkingStore() {
        store.checkConnection();
        assertThat(store.ensureCalendar(project)).isNotNull();
    }
}
