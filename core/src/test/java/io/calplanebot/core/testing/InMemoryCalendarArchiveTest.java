package io.calplanebot.core.testing;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.port.out.CalendarArchive;

import java.time.Duration;
import java.time.Instant;

/** The in-memory archive keeps the archive contract, so that feed tests over it mean something. */
class InMemoryCalendarArchiveTest extends CalendarArchiveContract {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final InMemoryCalendarArchive archive = new InMemoryCalendarArchive(clock);

    @Override
    protected CalendarArchive archive() {
        return archive;
    }

    @Override
    protected void write(String calendarName, CalendarEvent... events) {
        archive.put(calendarName, events);
    }

    @Override
    protected void remove(CalendarEvent event) {
        archive.remove(event.uid());
    }

    @Override
    protected void tick() {
        clock.advance(Duration.ofSeconds(1));
    }
}
