package io.calplanebot.adapter.caldav;

import io.calplanebot.adapter.caldav.testing.CalDavServer;
import io.calplanebot.adapter.caldav.testing.CalDavServerKind;
import io.calplanebot.adapter.caldav.testing.CalDavServers;
import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.core.port.out.CalendarStoreException;
import io.calplanebot.core.testing.Events;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link CalDavCalendarStore#deleteEmptyCalendar}: removes a calendar only while it holds nothing. */
class CalendarDeletionIT {
    @Test
    void deleteEmptyCalendar_leavesACalendarThatHoldsAnEvent_andDeletesItOnceEmpty() {
        try (CalDavServer server = CalDavServers.startOrSkip(CalDavServerKind.RADICALE, AuthType.BASIC);
             CalDavCalendarStore store = CalDavCalendarStore.builder(server.settings(server.baseUrl())).build()) {
            Project project = new Project(UUID.randomUUID().toString(), "DEL", "Deletion");
            CalendarId calendar = store.ensureCalendar(project);
            CalendarEvent event = Events.anEvent().forIssue(UUID.randomUUID().toString()).build();
            store.create(calendar, event);

            assertThatThrownBy(() -> store.deleteEmptyCalendar(calendar))
                    .isInstanceOfSatisfying(CalendarStoreException.class, e -> assertThat(e.reason())
                            .isEqualTo(CalendarStoreException.Reason.PROTOCOL))
                    .hasMessageContaining("not empty");
            assertThat(store.findCalendar(project)).contains(calendar);

            StoredEvent stored = store.findEvent(calendar, event.identity()).orElseThrow();
            store.delete(calendar, stored.identity(), stored.version());
            assertThat(store.ensureCalendar(project)).as("listed with the home").isEqualTo(calendar);
            store.deleteEmptyCalendar(calendar);

            assertThat(store.findCalendar(project)).isEmpty();
            assertThat(store.ensureCalendar(project)).as("made again at once").isEqualTo(calendar);
            assertThat(store.findCalendar(project)).as("the server has it again").contains(calendar);
        }
    }
}
