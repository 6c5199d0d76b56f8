package io.calplanebot.adapter.caldav;

import io.calplanebot.adapter.caldav.dav.Hrefs;
import io.calplanebot.core.domain.StoredEvent;

import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each event resource held at a given ETag, as this client last read or wrote it: ours decoded, or "someone
 * else's". A listing that finds a resource at the same ETag takes it from here instead of fetching and decoding it
 * again: a strong ETag changes whenever the stored data does, and a server that changes what it was sent returns no
 * ETag for the write (RFC 4791, section 5.3.4), so nothing is remembered for it.
 */
final class KnownVersions {
    private final Map<URI, Known> byHref = new HashMap<>();
    private boolean changed;

    /**
     * One resource at one ETag.
     *
     * @param owned the event decoded when it is ours; empty for someone else's (never decoded again)
     */
    record Known(String etag, Optional<StoredEvent> owned) {
        /** An event as read at its version: kept whole when it is ours, as someone else's otherwise. */
        static Known read(StoredEvent stored) {
            return new Known(stored.version().value(), stored.isOwned() ? Optional.of(stored) : Optional.empty());
        }

        /** Someone else's event (or one that cannot be read) at this ETag. */
        static Known foreign(String etag) {
            return new Known(etag, Optional.empty());
        }
    }

    /** What the resource held at this ETag, when known. */
    synchronized Optional<Known> at(URI href, String etag) {
        Known known = byHref.get(Hrefs.canonical(href));
        return known != null && known.etag().equals(etag) ? Optional.of(known) : Optional.empty();
    }

    synchronized void remember(URI href, Known known) {
        Known before = byHref.put(Hrefs.canonical(href), known);
        changed |= !known.equals(before);
    }

    synchronized void forget(URI href) {
        changed |= byHref.remove(Hrefs.canonical(href)) != null;
    }

    /** Forgets the resources of {@code calendar} that its listing no longer shows. */
    synchronized void keepListed(URI calendar, Set<URI> listed) {
        String prefix = Hrefs.canonical(Hrefs.asCollection(calendar)).toString();
        Set<URI> keep = new HashSet<>();
        listed.forEach(href -> keep.add(Hrefs.canonical(href)));
        changed |= byHref.keySet().removeIf(href -> href.toString().startsWith(prefix) && !keep.contains(href));
    }

    synchronized Map<URI, Known> all() {
        return Map.copyOf(byHref);
    }

    synchronized void load(Map<URI, Known> entries) {
        byHref.clear();
        byHref.putAll(entries);
        changed = false;
    }

    /** Whether anything changed since the last {@link #load} or {@link #saved}. */
    synchronized boolean changed() {
        return changed;
    }

    synchronized void saved() {
        changed = false;
    }
}
