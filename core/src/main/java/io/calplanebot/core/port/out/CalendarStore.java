package io.calplanebot.core.port.out;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.EventIdentity;
import io.calplanebot.core.domain.EventVersion;
import io.calplanebot.core.domain.LocatedEvent;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.domain.StoredEvent;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where events go (a CalDAV account). Writes are conditional on versions so that nobody's change is lost.
 * Failures are {@link CalendarStoreException}s; the version conflicts have their own subtypes.
 */
public interface CalendarStore {

    /**
     * The calendar that holds a project's events, created when missing; an existing calendar is renamed when the
     * project's name changed. Several projects may share one calendar.
     */
    CalendarId ensureCalendar(Project project);

    /** The project's calendar if it already exists; never creates anything. */
    Optional<CalendarId> findCalendar(Project project);

    /** Every event in the calendar whose UID this tool owns, with its version and managed properties. */
    List<StoredEvent> listOwnedEvents(CalendarId calendar);

    /** One event by identity, freshly read. */
    Optional<StoredEvent> findEvent(CalendarId calendar, EventIdentity identity);

    /** Every copy of an event with this UID in any calendar this store manages. */
    List<LocatedEvent> findEventsByUid(String uid);

    /**
     * Creates an event that must not exist yet.
     *
     * @return the new version, when the store reported one
     * @throws EventAlreadyExistsException when an event already sits at that identity
     */
    Optional<EventVersion> create(CalendarId calendar, CalendarEvent event);

    /**
     * Replaces the managed properties of an existing event, keeping whatever else it holds, if its version is
     * still {@code expected}.
     *
     * @return the new version, when the store reported one
     * @throws StaleVersionException  when the event changed since {@code expected}
     * @throws EventNotFoundException when the event is gone
     */
    Optional<EventVersion> update(CalendarId calendar, EventIdentity identity, CalendarEvent event, EventVersion expected);

    /**
     * Deletes an event if its version is still {@code expected}.
     *
     * @throws StaleVersionException  when the event changed since {@code expected}
     * @throws EventNotFoundException when the event is already gone
     */
    void delete(CalendarId calendar, EventIdentity identity, EventVersion expected);

    /** A cheap authenticated request that proves the store is reachable; throws when it is not. */
    void checkConnection();

    /**
     * The same check as one attempt without retries that gives up after about {@code timeout}: what the background
     * health probe calls. The default runs {@link #checkConnection()}, which suits a store whose check is already
     * one quick local step; a store that retries must override it.
     */
    default void checkConnection(Duration timeout) {
        checkConnection();
    }
}
