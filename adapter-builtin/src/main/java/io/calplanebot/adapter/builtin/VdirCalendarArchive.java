package io.calplanebot.adapter.builtin;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.core.domain.feed.ArchiveVersion;
import io.calplanebot.core.domain.feed.ArchivedCalendar;
import io.calplanebot.core.port.out.CalendarArchive;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** The built-in store as the archive that feeds are served from: its calendars, their events with their facts. */
public final class VdirCalendarArchive implements CalendarArchive {
    private final VdirCalendarStore store;

    public VdirCalendarArchive(VdirCalendarStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public List<ArchivedCalendar> calendars() {
        List<ArchivedCalendar> calendars = new ArrayList<>();
        for (CalendarId id : store.calendars()) {
            calendars.add(new ArchivedCalendar(id, store.displayName(id)));
        }
        return calendars;
    }

    @Override
    public void readEvents(CalendarId calendar, Consumer<CalendarEvent> sink) {
        for (StoredEvent stored : store.listOwnedEvents(calendar)) {
            sink.accept(stored.event());
        }
    }

    @Override
    public ArchiveVersion version() {
        return store.version();
    }
}
