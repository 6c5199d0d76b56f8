package io.calplanebot.core.testing;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.feed.ArchiveVersion;
import io.calplanebot.core.domain.feed.ArchivedCalendar;
import io.calplanebot.core.port.out.CalendarArchive;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** An archive held in memory: every change bumps a counter (the version tag) and stamps the clock's time. */
public final class InMemoryCalendarArchive implements CalendarArchive {
    private final Clock clock;
    private final Map<ArchivedCalendar, Map<String, CalendarEvent>> calendars = new LinkedHashMap<>();
    private long changes;
    private ArchiveVersion version;

    public InMemoryCalendarArchive(Clock clock) {
        this.clock = clock;
        this.version = new ArchiveVersion("0", clock.instant());
    }

    /** Adds or replaces events in a calendar (created when missing), as one change. */
    public synchronized InMemoryCalendarArchive put(String calendarName, CalendarEvent... events) {
        ArchivedCalendar calendar = new ArchivedCalendar(new CalendarId("mem:" + calendarName), calendarName);
        Map<String, CalendarEvent> inside = calendars.computeIfAbsent(calendar, c -> new LinkedHashMap<>());
        for (CalendarEvent event : events) {
            inside.put(event.uid(), event);
        }
        changed();
        return this;
    }

    /** Removes an event from every calendar, as one change. */
    public synchronized void remove(String uid) {
        calendars.values().forEach(events -> events.remove(uid));
        changed();
    }

    private void changed() {
        changes++;
        version = new ArchiveVersion(Long.toString(changes), clock.instant());
    }

    @Override
    public synchronized List<ArchivedCalendar> calendars() {
        return List.copyOf(calendars.keySet());
    }

    @Override
    public void readEvents(CalendarId calendar, Consumer<CalendarEvent> sink) {
        List<CalendarEvent> copy = new ArrayList<>();
        synchronized (this) {
            calendars.forEach((c, events) -> {
                if (c.id().equals(calendar)) {
                    copy.addAll(events.values());
                }
            });
        }
        copy.forEach(sink);
    }

    @Override
    public synchronized ArchiveVersion version() {
        return version;
    }
}
