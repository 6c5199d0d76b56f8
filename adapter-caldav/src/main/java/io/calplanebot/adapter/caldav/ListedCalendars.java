package io.calplanebot.adapter.caldav;

import io.calplanebot.adapter.caldav.dav.Hrefs;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** The last {@link ListedCalendar} of each calendar, by the calendar's canonical collection URL. */
final class ListedCalendars {
    private final TrackedMap<URI, ListedCalendar> byCalendar = new TrackedMap<>();

    Optional<ListedCalendar> of(URI calendar) {
        return byCalendar.get(key(calendar));
    }

    void put(URI calendar, ListedCalendar listed) {
        byCalendar.put(key(calendar), listed);
    }

    /** The next listing of this calendar is a whole one. */
    void forget(URI calendar) {
        byCalendar.remove(key(calendar));
    }

    /** What to save; see {@link TrackedMap#takeForSaving}. */
    Map<URI, ListedCalendar> takeForSaving() {
        return byCalendar.takeForSaving();
    }

    /** What {@link #takeForSaving} gave was not saved. */
    void unsaved() {
        byCalendar.unsaved();
    }

    void load(Map<URI, ListedCalendar> entries) {
        byCalendar.load(entries);
    }

    /** Whether anything changed since the last {@link #load} or {@link #takeForSaving}. */
    boolean changed() {
        return byCalendar.changed();
    }

    private static URI key(URI calendar) {
        return Hrefs.canonical(Hrefs.asCollection(calendar));
    }
}
