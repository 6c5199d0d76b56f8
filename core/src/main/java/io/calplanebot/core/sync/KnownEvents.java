package io.calplanebot.core.sync;

import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.domain.StoredEvent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The owned events as this process last listed or wrote them, with their versions (the most recently used
 * {@value #EVENTS}): what a webhook change plans against instead of reading the event back first, so a change costs
 * one write. When someone else changed the event meanwhile, the conditional write fails, the event is read again and
 * the change is planned once more; an event deleted by hand meanwhile comes back at the next full sync. Beside
 * them, each project's calendar as last prepared on each target, so that a change does not list the account's
 * calendars again.
 */
final class KnownEvents {
    static final int EVENTS = 20_000;

    private final Map<String, StoredEvent> events = new RecentEntries<>(EVENTS);
    private final Map<String, CalendarId> calendars = new HashMap<>();
    /** The configuration whose stores the events were listed or written in; null before the first. */
    private SyncRuntime runtime;

    /**
     * Makes what is known belong to this runtime: what was known under another configuration (other stores and
     * calendars) is forgotten first. The full syncs and the webhook changes of one runtime share what they know, so
     * a change right after a full sync plans against the event as the sync listed it.
     */
    synchronized void belongTo(SyncRuntime current) {
        if (runtime != current) {
            events.clear();
            calendars.clear();
            runtime = current;
        }
    }

    /** The project's calendar on the target, as last prepared under this runtime (and the project's name). */
    synchronized Optional<CalendarId> calendar(SyncRuntime current, String target, Project project) {
        return runtime == current ? Optional.ofNullable(calendars.get(calendarKey(target, project)))
                : Optional.empty();
    }

    /**
     * The project's calendar on the target, just prepared under this runtime (it exists, named for the project);
     * left out when what is known belongs to another runtime by now (the configuration changed meanwhile).
     */
    synchronized void prepared(SyncRuntime current, String target, Project project, CalendarId calendar) {
        if (runtime == current) {
            calendars.put(calendarKey(target, project), calendar);
        }
    }

    synchronized Optional<StoredEvent> get(String target, CalendarId calendar, String uid) {
        return Optional.ofNullable(events.get(key(target, calendar, uid)));
    }

    /** The event as stored now, or empty when it is gone or its version is unknown. */
    synchronized void written(String target, CalendarId calendar, String uid, Optional<StoredEvent> stored) {
        if (stored.isPresent()) {
            events.put(key(target, calendar, uid), stored.get());
        } else {
            events.remove(key(target, calendar, uid));
        }
    }

    /** A calendar's owned events as just listed. */
    synchronized void listed(String target, CalendarId calendar, List<StoredEvent> owned) {
        for (StoredEvent event : owned) {
            events.put(key(target, calendar, event.uid()), event);
        }
    }

    /** Forgets everything (after a failed write, what is stored is not known). */
    synchronized void forget() {
        events.clear();
        calendars.clear();
    }

    private static String calendarKey(String target, Project project) {
        return target + "\n" + project.id() + "\n" + project.calendarName();
    }

    private static String key(String target, CalendarId calendar, String uid) {
        return target + "\n" + calendar.value() + "\n" + uid;
    }
}
