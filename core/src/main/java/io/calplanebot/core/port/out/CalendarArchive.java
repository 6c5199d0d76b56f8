package io.calplanebot.core.port.out;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.feed.ArchiveVersion;
import io.calplanebot.core.domain.feed.ArchivedCalendar;

import java.util.List;
import java.util.function.Consumer;

/**
 * The read side of the store that feeds are served from (the built-in store): its calendars, their events with
 * their issue facts, and a cheap version of the whole archive for {@code ETag} and {@code Last-Modified}.
 * Failures are {@link CalendarStoreException}s.
 */
public interface CalendarArchive {

    /** Every calendar in the archive. */
    List<ArchivedCalendar> calendars();

    /**
     * Hands each event of the calendar to {@code sink}, one at a time, so that a feed of any size is written
     * without holding it all; an event's facts are present when the store kept them.
     */
    void readEvents(CalendarId calendar, Consumer<CalendarEvent> sink);

    /** Changes whenever anything in the archive changes; cheap enough to ask on every request. */
    ArchiveVersion version();
}
