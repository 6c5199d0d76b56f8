package io.calplanebot.core.sync;

import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.StoredEvent;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The owned events as this process last listed or wrote them, with their versions (the most recently used
 * {@value #EVENTS}): what a webhook change plans against instead of reading the event back first, so a change costs
 * one write. When someone else changed the event meanwhile, the conditional write fails, the event is read again and
 * the change is planned once more; an event deleted by hand meanwhile comes back at the next full sync.
 */
final class KnownEvents {
    static final int EVENTS = 20_000;

    private final Map<String, StoredEvent> events = new RecentEntries<>(EVENTS);

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
    }

    private static String key(String target, CalendarId calendar, String uid) {
        return target + "\n" + calendar.value() + "\n" + uid;
    }
}
