package io.calplanebot.core.testing;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.EventIdentity;
import io.calplanebot.core.domain.EventVersion;
import io.calplanebot.core.domain.LocatedEvent;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.core.port.out.CalendarStore;
import io.calplanebot.core.port.out.CalendarStoreException;
import io.calplanebot.core.port.out.EventAlreadyExistsException;
import io.calplanebot.core.port.out.EventNotFoundException;
import io.calplanebot.core.port.out.StaleVersionException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A calendar store held in memory that behaves like a strict CalDAV server: versions change on every write,
 * conditional writes are enforced, foreign events can be planted. Hooks let a test change an event just before
 * the next write (a concurrent edit) or make writes fail.
 */
public final class InMemoryCalendarStore implements CalendarStore {
    private final Map<CalendarId, String> names = new LinkedHashMap<>();
    private final Map<CalendarId, Map<String, StoredEvent>> calendars = new LinkedHashMap<>();
    private final CalendarId singleCalendar;
    private long versions;
    private int writes;
    private int eventReads;
    private int calendarsPrepared;
    private int failingWrites;
    private Consumer<InMemoryCalendarStore> beforeNextWrite;
    private boolean down;

    /** One calendar per project. */
    public InMemoryCalendarStore() {
        this(null);
    }

    private InMemoryCalendarStore(CalendarId singleCalendar) {
        this.singleCalendar = singleCalendar;
    }

    /** Every project goes into one calendar, as when a calendar URL is configured. */
    public static InMemoryCalendarStore singleCalendar(String id) {
        return new InMemoryCalendarStore(new CalendarId(id));
    }

    @Override
    public synchronized CalendarId ensureCalendar(Project project) {
        calendarsPrepared++;
        checkUp();
        CalendarId id = idOf(project);
        calendars.computeIfAbsent(id, k -> new LinkedHashMap<>());
        if (singleCalendar == null) {
            names.put(id, project.calendarName());
        } else {
            names.putIfAbsent(id, "Plane");
        }
        return id;
    }

    @Override
    public synchronized Optional<CalendarId> findCalendar(Project project) {
        checkUp();
        CalendarId id = idOf(project);
        return calendars.containsKey(id) ? Optional.of(id) : Optional.empty();
    }

    private CalendarId idOf(Project project) {
        return singleCalendar != null ? singleCalendar : new CalendarId("mem:plane-" + project.id());
    }

    @Override
    public synchronized List<StoredEvent> listOwnedEvents(CalendarId calendar) {
        checkUp();
        List<StoredEvent> owned = new ArrayList<>();
        for (StoredEvent stored : calendar(calendar).values()) {
            if (stored.isOwned()) {
                owned.add(stored);
            }
        }
        return owned;
    }

    @Override
    public synchronized Optional<StoredEvent> findEvent(CalendarId calendar, EventIdentity identity) {
        eventReads++;
        checkUp();
        return Optional.ofNullable(calendar(calendar).get(identity.resourceName()));
    }

    @Override
    public synchronized List<LocatedEvent> findEventsByUid(String uid) {
        checkUp();
        List<LocatedEvent> found = new ArrayList<>();
        calendars.forEach((id, events) -> events.values().stream()
                .filter(e -> e.uid().equals(uid))
                .forEach(e -> found.add(new LocatedEvent(id, e))));
        return found;
    }

    @Override
    public synchronized Optional<EventVersion> create(CalendarId calendar, CalendarEvent event) {
        beforeWrite();
        Map<String, StoredEvent> events = calendar(calendar);
        EventIdentity identity = event.identity();
        if (events.containsKey(identity.resourceName())
                || events.values().stream().anyMatch(e -> e.uid().equals(event.uid()))) {
            throw new EventAlreadyExistsException("event " + identity.resourceName() + " already exists");
        }
        StoredEvent stored = new StoredEvent(identity, nextVersion(), event);
        events.put(identity.resourceName(), stored);
        return Optional.of(stored.version());
    }

    @Override
    public synchronized Optional<EventVersion> update(CalendarId calendar, EventIdentity identity, CalendarEvent event,
                                                      EventVersion expected) {
        beforeWrite();
        Map<String, StoredEvent> events = calendar(calendar);
        StoredEvent current = events.get(identity.resourceName());
        if (current == null) {
            throw new EventNotFoundException("event " + identity.resourceName() + " not found");
        }
        if (!current.version().equals(expected)) {
            throw new StaleVersionException("event " + identity.resourceName() + " is at " + current.version()
                    + ", not " + expected);
        }
        StoredEvent stored = new StoredEvent(identity, nextVersion(), event);
        events.put(identity.resourceName(), stored);
        return Optional.of(stored.version());
    }

    @Override
    public synchronized void delete(CalendarId calendar, EventIdentity identity, EventVersion expected) {
        beforeWrite();
        Map<String, StoredEvent> events = calendar(calendar);
        StoredEvent current = events.get(identity.resourceName());
        if (current == null) {
            throw new EventNotFoundException("event " + identity.resourceName() + " not found");
        }
        if (!current.version().equals(expected)) {
            throw new StaleVersionException("event " + identity.resourceName() + " changed");
        }
        events.remove(identity.resourceName());
    }

    @Override
    public synchronized void checkConnection() {
        checkUp();
    }

    // ---- test controls ---------------------------------------------------------------------------------------

    /** Puts an event directly, as another client would (any UID, owned or not), bypassing every check. */
    public synchronized StoredEvent plant(CalendarId calendar, CalendarEvent event) {
        calendars.computeIfAbsent(calendar, k -> new LinkedHashMap<>());
        StoredEvent stored = new StoredEvent(event.identity(), nextVersion(), event);
        calendar(calendar).put(stored.identity().resourceName(), stored);
        return stored;
    }

    /** Another client edits an event: new content, new version. */
    public synchronized void editBehindOurBack(CalendarId calendar, String resourceName, CalendarEvent event) {
        StoredEvent current = calendar(calendar).get(resourceName);
        calendar(calendar).put(resourceName, new StoredEvent(current.identity(), nextVersion(), event));
    }

    /** Another client deletes an event. */
    public synchronized void deleteBehindOurBack(CalendarId calendar, String resourceName) {
        calendar(calendar).remove(resourceName);
    }

    /** Runs once, just before the next write, to simulate a concurrent change. */
    public synchronized void beforeNextWrite(Consumer<InMemoryCalendarStore> action) {
        this.beforeNextWrite = action;
    }

    /** The next {@code count} writes fail as if the server answered 500. */
    public synchronized void failNextWrites(int count) {
        this.failingWrites = count;
    }

    public synchronized void setDown(boolean value) {
        down = value;
    }

    /** Every event in a calendar, foreign ones too. */
    public synchronized List<StoredEvent> allEvents(CalendarId calendar) {
        return new ArrayList<>(calendar(calendar).values());
    }

    public synchronized List<CalendarId> calendars() {
        return new ArrayList<>(calendars.keySet());
    }

    public synchronized String displayName(CalendarId calendar) {
        return names.get(calendar);
    }

    /** Successful and failed write attempts so far. */
    public synchronized int writes() {
        return writes;
    }

    /** Calls of {@link #ensureCalendar} so far. */
    public synchronized int calendarsPrepared() {
        return calendarsPrepared;
    }

    /** Single events read so far ({@link #findEvent}). */
    public synchronized int eventReads() {
        return eventReads;
    }

    private Map<String, StoredEvent> calendar(CalendarId calendar) {
        Map<String, StoredEvent> events = calendars.get(calendar);
        if (events == null) {
            throw new EventNotFoundException("calendar " + calendar + " does not exist");
        }
        return events;
    }

    private void beforeWrite() {
        checkUp();
        writes++;
        Consumer<InMemoryCalendarStore> hook = beforeNextWrite;
        beforeNextWrite = null;
        if (hook != null) {
            hook.accept(this);
        }
        if (failingWrites > 0) {
            failingWrites--;
            throw new CalendarStoreException(CalendarStoreException.Reason.PROTOCOL,
                    "server answered 500 Internal Server Error");
        }
    }

    private void checkUp() {
        if (down) {
            throw new CalendarStoreException(CalendarStoreException.Reason.UNREACHABLE,
                    "calendar server mem: is unreachable");
        }
    }

    private EventVersion nextVersion() {
        return new EventVersion("\"v" + (++versions) + "\"");
    }
}
