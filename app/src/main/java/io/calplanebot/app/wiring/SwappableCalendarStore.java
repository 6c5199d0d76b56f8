package io.calplanebot.app.wiring;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.EventIdentity;
import io.calplanebot.core.domain.EventVersion;
import io.calplanebot.core.domain.LocatedEvent;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.core.port.out.CalendarStore;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A calendar store whose target can be replaced while the service runs (a reloaded configuration). */
final class SwappableCalendarStore implements CalendarStore {
    private volatile CalendarStore target;

    SwappableCalendarStore(CalendarStore target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    /** Points at {@code next} from now on and closes the previous target when it holds resources. */
    void swap(CalendarStore next) {
        CalendarStore previous = target;
        target = Objects.requireNonNull(next, "next");
        Closing.quietly(previous);
    }

    @Override
    public CalendarId ensureCalendar(Project project) {
        return target.ensureCalendar(project);
    }

    @Override
    public Optional<CalendarId> findCalendar(Project project) {
        return target.findCalendar(project);
    }

    @Override
    public List<StoredEvent> listOwnedEvents(CalendarId calendar) {
        return target.listOwnedEvents(calendar);
    }

    @Override
    public Optional<StoredEvent> findEvent(CalendarId calendar, EventIdentity identity) {
        return target.findEvent(calendar, identity);
    }

    @Override
    public List<LocatedEvent> findEventsByUid(String uid) {
        return target.findEventsByUid(uid);
    }

    @Override
    public Optional<EventVersion> create(CalendarId calendar, CalendarEvent event) {
        return target.create(calendar, event);
    }

    @Override
    public Optional<EventVersion> update(CalendarId calendar, EventIdentity identity, CalendarEvent event,
                                         EventVersion expected) {
        return target.update(calendar, identity, event, expected);
    }

    @Override
    public void delete(CalendarId calendar, EventIdentity identity, EventVersion expected) {
        target.delete(calendar, identity, expected);
    }

    @Override
    public void checkConnection() {
        target.checkConnection();
    }
}
