package io.calplanebot.adapter.caldav;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The calendar data last read for each event, with its ETag, so that an update right after a listing can
 * start from the stored event without fetching it again. Bounded; least recently used entries go first.
 */
final class EventBodyCache {
    private final Map<URI, Entry> entries;

    EventBodyCache(int capacity) {
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<URI, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void put(URI href, String etag, String ics) {
        entries.put(href, new Entry(etag, ics));
    }

    /** The cached data, only when it is exactly the given version. */
    synchronized Optional<String> get(URI href, String etag) {
        Entry entry = entries.get(href);
        return entry != null && entry.etag.equals(etag) ? Optional.of(entry.ics) : Optional.empty();
    }

    synchronized void forget(URI href) {
        entries.remove(href);
    }

    private static final class Entry {
        private final String etag;
        private final String ics;

        private Entry(String etag, String ics) {
            this.etag = etag;
            this.ics = ics;
        }
    }
}
