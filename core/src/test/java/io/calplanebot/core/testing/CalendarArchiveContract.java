package io.calplanebot.core.testing;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.EventStatus;
import io.calplanebot.core.domain.IssueFacts;
import io.calplanebot.core.domain.Person;
import io.calplanebot.core.domain.Priority;
import io.calplanebot.core.domain.StateGroup;
import io.calplanebot.core.domain.feed.ArchiveVersion;
import io.calplanebot.core.domain.feed.ArchivedCalendar;
import io.calplanebot.core.port.out.CalendarArchive;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link CalendarArchive} (the read side feeds are served from) must do. Extend it with the archive
 * under test and a way to write events into it (for the built-in store: its {@code CalendarStore} side).
 */
public abstract class CalendarArchiveContract {

    /** An empty archive to test; called once per test. */
    protected abstract CalendarArchive archive();

    /** Writes (creates or replaces) events into the calendar of that name, as the sync would. */
    protected abstract void write(String calendarName, CalendarEvent... events);

    /** Removes an event from wherever it is, as the sync would. */
    protected abstract void remove(CalendarEvent event);

    /** Lets time pass, for stores whose version is a modification time (a file system's timestamps). */
    protected void tick() {
    }

    private static CalendarEvent withFacts(String issueId, StateGroup group) {
        return Events.anEvent().forIssue(issueId)
                .withStatus(group.isClosed() ? EventStatus.CANCELLED : EventStatus.CONFIRMED).withCategories("bug")
                .build().withFacts(Optional.of(new IssueFacts("pid-1", "MOB", group, Priority.HIGH,
                        List.of(new Person("u-1", "ana@example.com", "Ana Lima")))));
    }

    private List<CalendarEvent> eventsOf(CalendarArchive archive, String name) {
        List<CalendarEvent> events = new ArrayList<>();
        for (ArchivedCalendar calendar : archive.calendars()) {
            if (calendar.name().equals(name)) {
                archive.readEvents(calendar.id(), events::add);
            }
        }
        return events;
    }

    @Test
    void calendars_areListedWithTheirNames_andHandOutTheirEventsWithFacts() {
        CalendarArchive archive = archive();
        CalendarEvent started = withFacts("a-1", StateGroup.STARTED);
        CalendarEvent done = withFacts("a-2", StateGroup.COMPLETED);

        write("Plane: Mobile", started, done);
        write("Plane: Web", withFacts("a-3", StateGroup.BACKLOG));

        assertThat(archive.calendars()).extracting(ArchivedCalendar::name).contains("Plane: Mobile", "Plane: Web");
        List<CalendarEvent> mobile = eventsOf(archive, "Plane: Mobile");
        assertThat(mobile).extracting(CalendarEvent::uid).containsExactlyInAnyOrder(started.uid(), done.uid());
        for (CalendarEvent event : mobile) {
            CalendarEvent written = event.uid().equals(started.uid()) ? started : done;
            assertThat(event.sameManagedContent(written)).as(event.uid()).isTrue();
            assertThat(event.facts()).as(event.uid()).isEqualTo(written.facts());
        }
    }

    @Test
    void version_changesWithEveryWriteAndRemoval_andStaysWhenNothingChanged() {
        CalendarArchive archive = archive();
        CalendarEvent event = withFacts("v-1", StateGroup.STARTED);
        write("Plane: Mobile", event);
        ArchiveVersion first = archive.version();

        assertThat(archive.version()).isEqualTo(first);
        tick();
        write("Plane: Mobile", withFacts("v-2", StateGroup.STARTED));
        ArchiveVersion second = archive.version();
        tick();
        remove(event);
        ArchiveVersion third = archive.version();

        assertThat(second.tag()).isNotEqualTo(first.tag());
        assertThat(third.tag()).isNotEqualTo(second.tag());
        assertThat(second.lastModified()).isAfterOrEqualTo(first.lastModified());
        assertThat(third.lastModified()).isAfterOrEqualTo(second.lastModified());
    }
}
