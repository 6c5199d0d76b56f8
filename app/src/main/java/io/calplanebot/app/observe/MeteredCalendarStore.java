package io.calplanebot.app.observe;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.EventIdentity;
import io.calplanebot.core.domain.EventVersion;
import io.calplanebot.core.domain.LocatedEvent;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.core.port.out.CalendarStore;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Times every call to the CalDAV server by operation and outcome ({@code calplanebot_caldav_requests}). */
public final class MeteredCalendarStore implements CalendarStore {
    private final CalendarStore delegate;
    private static final String NAME = "calplanebot_caldav_requests";
    private static final String DESCRIPTION = "Calls to the CalDAV server by operation";

    private final MeterRegistry registry;

    public MeteredCalendarStore(CalendarStore delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
    }

    @Override
    public CalendarId ensureCalendar(Project project) {
        return timed("ensure_calendar", () -> delegate.ensureCalendar(project));
    }

    @Override
    public Optional<CalendarId> findCalendar(Project project) {
        return timed("find_calendar", () -> delegate.findCalendar(project));
    }

    @Override
    public List<StoredEvent> listOwnedEvents(CalendarId calendar) {
        return timed("list_events", () -> delegate.listOwnedEvents(calendar));
    }

    @Override
    public Optional<StoredEvent> findEvent(CalendarId calendar, EventIdentity identity) {
        return timed("get_event", () -> delegate.findEvent(calendar, identity));
    }

    @Override
    public List<LocatedEvent> findEventsByUid(String uid) {
        return timed("find_by_uid", () -> delegate.findEventsByUid(uid));
    }

    @Override
    public Optional<EventVersion> create(CalendarId calendar, CalendarEvent event) {
        return timed("create", () -> delegate.create(calendar, event));
    }

    @Override
    public Optional<EventVersion> update(CalendarId calendar, EventIdentity identity, CalendarEvent event,
                                         EventVersion expected) {
        return timed("update", () -> delegate.update(calendar, identity, event, expected));
    }

    @Override
    public void delete(CalendarId calendar, EventIdentity identity, EventVersion expected) {
        Timing.timed(registry, NAME, DESCRIPTION, "delete", () -> delegate.delete(calendar, identity, expected));
    }

    @Override
    public void checkConnection() {
        Timing.timed(registry, NAME, DESCRIPTION, "check", delegate::checkConnection);
    }

    private <T> T timed(String operation, Supplier<T> call) {
        return Timing.timed(registry, NAME, DESCRIPTION, operation, call);
    }
}
