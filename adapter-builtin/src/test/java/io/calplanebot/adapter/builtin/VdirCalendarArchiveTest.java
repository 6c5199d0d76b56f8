package io.calplanebot.adapter.builtin;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.LocatedEvent;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.port.out.CalendarArchive;
import io.calplanebot.core.testing.CalendarArchiveContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The built-in store as a feed archive passes the same contract as the in-memory archive. */
class VdirCalendarArchiveTest extends CalendarArchiveContract {
    @TempDir
    Path data;

    private final List<VdirCalendarStore> opened = new ArrayList<>();
    private VdirCalendarStore store;

    @Override
    protected CalendarArchive archive() {
        store = VdirCalendarStore.open(data, Clock.systemUTC());
        opened.add(store);
        return new VdirCalendarArchive(store);
    }

    @Override
    protected void write(String calendarName, CalendarEvent... events) {
        String name = calendarName.startsWith("Plane: ") ? calendarName.substring("Plane: ".length()) : calendarName;
        Project project = new Project(UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString(), name.toUpperCase(java.util.Locale.ROOT), name);
        CalendarId calendar = store.ensureCalendar(project);
        for (CalendarEvent event : events) {
            store.findEvent(calendar, event.identity()).ifPresentOrElse(
                    stored -> store.update(calendar, event.identity(), event, stored.version()),
                    () -> store.create(calendar, event));
        }
    }

    @Override
    protected void remove(CalendarEvent event) {
        for (LocatedEvent located : store.findEventsByUid(event.uid())) {
            store.delete(located.calendar(), located.stored().identity(), located.stored().version());
        }
    }

    @AfterEach
    void closeStores() {
        opened.forEach(VdirCalendarStore::close);
    }
}
