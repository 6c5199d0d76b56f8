package io.calplanebot.adapter.caldav;

import io.calplanebot.adapter.caldav.dav.Hrefs;
import io.calplanebot.core.domain.StoredEvent;

import java.net.URI;
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
    private final TrackedMap<URI, Known> byHref = new TrackedMap<>();

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
    Optional<Known> at(URI href, String etag) {
        return byHref.get(Hrefs.canonical(href)).filter(known -> known.etag().equals(etag));
    }

    void remember(URI href, Known known) {
        byHref.put(Hrefs.canonical(href), known);
    }

    void forget(URI href) {
        byHref.remove(Hrefs.canonical(href));
    }

    /** Forgets the resources of {@code calendar} that its listing no longer shows. */
    void keepListed(URI calendar, Set<URI> listed) {
        String prefix = Hrefs.canonical(Hrefs.asCollection(calendar)).toString();
        Set<URI> keep = new HashSet<>();
        listed.forEach(href -> keep.add(Hrefs.canonical(href)));
        byHref.removeKeysIf(href -> href.toString().startsWith(prefix) && !keep.contains(href));
    }

    /** What to save; see {@link TrackedMap#takeForSaving}. */
    Map<URI, Known> takeForSaving() {
        return byHref.takeForSaving();
    }

    /** What {@link #takeForSaving} gave was not saved. */
    void unsaved() {
        byHref.unsaved();
    }

    void load(Map<URI, Known> entries) {
        byHref.load(entries);
    }

    /** Whether anything changed since the last {@link #load} or {@link #takeForSaving}. */
    boolean changed() {
        return byHref.changed();
    }
}
