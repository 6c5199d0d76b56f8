package io.calplanebot.adapter.caldav;

import io.calplanebot.adapter.caldav.dav.DavClient;
import io.calplanebot.adapter.caldav.dav.DavEntry;
import io.calplanebot.adapter.caldav.dav.DavNames;
import io.calplanebot.adapter.caldav.dav.DavResponse;
import io.calplanebot.adapter.caldav.dav.DavXml;
import io.calplanebot.adapter.caldav.dav.Hrefs;
import io.calplanebot.adapter.caldav.dav.MultiStatus;
import io.calplanebot.adapter.caldav.dav.Precondition;
import io.calplanebot.adapter.caldav.dav.error.DavHttpException;
import io.calplanebot.adapter.caldav.dav.error.DavNotFoundException;
import io.calplanebot.ical.ICalEventCodec;
import io.calplanebot.ical.IcsFolding;
import io.calplanebot.ical.IcsFormatException;
import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.EventIdentity;
import io.calplanebot.core.domain.EventVersion;
import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.core.port.out.CalendarStoreException;
import io.calplanebot.core.port.out.CalendarStoreException.Reason;
import io.calplanebot.core.port.out.EventNotFoundException;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The events in one calendar collection: read with a calendar-query REPORT (or GET), written with conditional
 * PUT/DELETE (If-None-Match: * to create, If-Match to change), and updated by rewriting only the managed
 * properties of the stored object. DAV failures are left to the caller to translate; what this class throws
 * itself is already the port's.
 */
final class CalendarEvents {
    private static final String GETETAG = DavXml.propfind(DavNames.GETETAG);
    private static final String ETAGS = DavXml.eventEtagQuery();
    /** Events fetched by one calendar-multiget REPORT. */
    static final int MULTIGET_BATCH = 250;

    private final DavClient dav;
    private final ICalEventCodec codec;
    private final EventBodyCache bodies = new EventBodyCache(4096);
    private final KnownVersions versions;

    CalendarEvents(DavClient dav, ICalEventCodec codec, KnownVersions versions) {
        this.dav = dav;
        this.codec = codec;
        this.versions = versions;
    }

    /**
     * Our events in the calendar (UIDs with our suffix): the ETags of every event are listed (a calendar-query for
     * {@code getetag} alone, cheaper on some servers than a PROPFIND), and only the events not known at their current
     * ETag are fetched (calendar-multiget) and decoded.
     */
    List<StoredEvent> listOwned(URI calendar) {
        List<StoredEvent> owned = new ArrayList<>();
        List<URI> unknown = new ArrayList<>();
        Set<URI> listed = new HashSet<>();
        for (DavEntry entry : members(calendar, dav.report(calendar, 1, ETAGS))) {
            if (entry.hasResourceType(DavNames.COLLECTION)) {
                continue;
            }
            listed.add(entry.href());
            Optional<KnownVersions.Known> known = entry.text(DavNames.GETETAG)
                    .flatMap(etag -> versions.at(entry.href(), etag));
            if (known.isPresent()) {
                known.get().owned().ifPresent(owned::add);
            } else {
                unknown.add(entry.href());
            }
        }
        for (int from = 0; from < unknown.size(); from += MULTIGET_BATCH) {
            owned.addAll(fetchOwned(calendar, unknown.subList(from, Math.min(unknown.size(), from + MULTIGET_BATCH))));
        }
        versions.keepListed(calendar, listed);
        return owned;
    }

    /** Fetches these resources with one calendar-multiget; ours are decoded, and all are remembered. */
    private List<StoredEvent> fetchOwned(URI calendar, List<URI> hrefs) {
        List<String> paths = new ArrayList<>();
        hrefs.forEach(href -> paths.add(href.getRawPath()));
        List<StoredEvent> owned = new ArrayList<>();
        Set<URI> answered = new HashSet<>();
        for (DavEntry entry : dav.report(calendar, 1, DavXml.eventMultiget(paths)).entries()) {
            if (Hrefs.sameResource(entry.href(), calendar)) {
                continue;
            }
            answered.add(Hrefs.canonical(entry.href()));
            if (entry.status() == 404 || entry.status() == 410) {
                continue; // deleted since the listing
            }
            if (entry.isFailure()) {
                throw new CalendarStoreException(Reason.PROTOCOL, "listing " + calendar + " is incomplete: "
                        + entry.href() + " answered " + entry.status());
            }
            storedOrSkip(entry, EventIdentity.UID_SUFFIX).filter(StoredEvent::isOwned).ifPresent(owned::add);
        }
        for (URI href : hrefs) {
            if (!answered.contains(Hrefs.canonical(href))) { // left out of the answer: read it alone
                fetchedAlone(href).filter(StoredEvent::isOwned).ifPresent(owned::add);
            }
        }
        return owned;
    }

    private Optional<StoredEvent> fetchedAlone(URI href) {
        Optional<DavResponse> response = dav.get(href);
        if (response.isEmpty()) {
            return Optional.empty();
        }
        String etag = response.get().etag().orElseGet(() -> etagOf(href));
        return decodedOrSkip(href, etag, response.get().bodyText(), EventIdentity.UID_SUFFIX);
    }

    /**
     * The calendar's members in a Depth 1 answer. A failure of the calendar itself or of any member fails the
     * listing: never a silently empty or partial one.
     */
    private static List<DavEntry> members(URI calendar, MultiStatus answer) {
        List<DavEntry> members = new ArrayList<>();
        for (DavEntry entry : answer.entries()) {
            if (Hrefs.sameResource(entry.href(), calendar)) {
                if (entry.isFailure()) {
                    throw entry.status() == 404 || entry.status() == 410
                            ? new EventNotFoundException("calendar " + calendar + " does not exist")
                            : new CalendarStoreException(Reason.PROTOCOL, "listing " + calendar + " failed: "
                            + entry.status());
                }
            } else if (entry.isFailure()) {
                throw new CalendarStoreException(Reason.PROTOCOL, "listing " + calendar + " is incomplete: "
                        + entry.href() + " answered " + entry.status());
            } else {
                members.add(entry);
            }
        }
        return members;
    }

    Optional<StoredEvent> find(URI calendar, EventIdentity identity) {
        URI href = Hrefs.child(calendar, identity.resourceName());
        Optional<DavResponse> response = dav.get(href);
        if (response.isEmpty()) {
            return Optional.empty();
        }
        String ics = response.get().bodyText();
        String etag = response.get().etag().orElseGet(() -> etagOf(href));
        bodies.put(href, etag, ics);
        StoredEvent stored = stored(href, etag, ics);
        versions.remember(href, KnownVersions.Known.read(stored));
        return Optional.of(stored);
    }

    /** The events with this UID in the calendar; a calendar that is gone holds none. */
    List<StoredEvent> findByUid(URI calendar, String uid) {
        List<StoredEvent> found = new ArrayList<>();
        try {
            for (StoredEvent stored : query(calendar, DavXml.eventQueryByUid(uid), uid)) {
                if (stored.uid().equals(uid)) {
                    found.add(stored);
                }
            }
        } catch (DavNotFoundException e) {
            return List.of();
        }
        return found;
    }

    Optional<EventVersion> create(URI calendar, CalendarEvent event) {
        URI href = Hrefs.child(calendar, event.identity().resourceName());
        bodies.forget(href);
        String ics = codec.encodeNew(event);
        versions.forget(href);
        return remembered(href, event, ics, dav.put(href, ics, Precondition.createOnly()).etag());
    }

    /**
     * Keeps what was just written under the ETag the server gave it, so that the next update of the event (a
     * webhook change moments later) merges with it without reading it back; a server that gives no ETag is read.
     */
    private Optional<EventVersion> remembered(URI href, CalendarEvent event, String ics, Optional<String> etag) {
        etag.ifPresent(value -> {
            bodies.put(href, value, ics);
            CalendarEvent written = event.withFacts(Optional.empty());
            versions.remember(href, KnownVersions.Known.read(new StoredEvent(
                    new EventIdentity(written.uid(), Hrefs.lastSegment(href)), new EventVersion(value), written)));
        });
        return etag.map(EventVersion::new);
    }

    Optional<EventVersion> update(URI calendar, EventIdentity identity, CalendarEvent event, EventVersion expected) {
        URI href = Hrefs.child(calendar, identity.resourceName());
        String stored = bodies.get(href, expected.value()).orElseGet(() -> fetch(href, identity));
        String merged;
        try {
            merged = codec.merge(stored, event);
        } catch (IcsFormatException e) {
            throw new CalendarStoreException(Reason.PROTOCOL, "cannot update " + href + ": " + e.getMessage(), e);
        }
        bodies.forget(href);
        versions.forget(href);
        return remembered(href, event, merged, dav.put(href, merged, Precondition.ifMatch(expected.value())).etag());
    }

    void delete(URI calendar, EventIdentity identity, EventVersion expected) {
        URI href = Hrefs.child(calendar, identity.resourceName());
        bodies.forget(href);
        versions.forget(href);
        dav.delete(href, Precondition.ifMatch(expected.value()));
    }

    /**
     * The events a calendar-query returns, skipping without decoding those whose data cannot hold
     * {@code uidText}; undecodable events fail the call only when they are ours.
     */
    private List<StoredEvent> query(URI calendar, String report, String uidText) {
        List<StoredEvent> events = new ArrayList<>();
        for (DavEntry entry : members(calendar, dav.report(calendar, 1, report))) {
            storedOrSkip(entry, uidText).ifPresent(events::add);
        }
        return events;
    }

    private Optional<StoredEvent> storedOrSkip(DavEntry entry, String uidText) {
        URI href = entry.href();
        Optional<String> data = entry.text(DavNames.CALENDAR_DATA);
        Optional<String> etag = entry.text(DavNames.GETETAG);
        if (data.isEmpty() || etag.isEmpty()) {
            return fetchedAlone(href).filter(stored -> mayHold(stored.event().uid(), uidText));
        }
        return decodedOrSkip(href, etag.get(), data.get(), uidText);
    }

    /**
     * The event when it may be the one looked for (its data holds {@code uidText}), remembered at its ETag either
     * way: someone else's event is remembered as such, so that it is not fetched again while it is unchanged.
     */
    private Optional<StoredEvent> decodedOrSkip(URI href, String etag, String data, String uidText) {
        if (!mayHold(data, uidText)) {
            if (!mayHold(data, EventIdentity.UID_SUFFIX)) {
                versions.remember(href, KnownVersions.Known.foreign(etag));
            }
            return Optional.empty(); // cheap test first: most foreign events are never decoded
        }
        try {
            StoredEvent stored = stored(href, etag, data);
            bodies.put(href, etag, data);
            versions.remember(href, KnownVersions.Known.read(stored));
            return Optional.of(stored);
        } catch (CalendarStoreException e) {
            if (isOwnedData(data)) {
                throw e;
            }
            versions.remember(href, KnownVersions.Known.foreign(etag));
            return Optional.empty(); // someone else's event we cannot read: not ours to judge
        }
    }

    /** False only when the data certainly does not contain the text (escaped characters defeat the test). */
    private static boolean mayHold(String ics, String uidText) {
        return uidText.matches(".*[,;\\\\].*") || IcsFolding.unfold(ics).contains(uidText);
    }

    private boolean isOwnedData(String ics) {
        try {
            return codec.uidOf(ics).map(EventIdentity::isOwnedUid).orElse(false);
        } catch (IcsFormatException e) {
            return false;
        }
    }

    private StoredEvent stored(URI href, String etag, String ics) {
        try {
            CalendarEvent event = codec.decode(ics);
            return new StoredEvent(new EventIdentity(event.uid(), Hrefs.lastSegment(href)), new EventVersion(etag),
                    event);
        } catch (IcsFormatException | IllegalArgumentException e) {
            throw new CalendarStoreException(Reason.PROTOCOL, "event " + href + " cannot be read: " + e.getMessage(),
                    e);
        }
    }

    private String fetch(URI href, EventIdentity identity) {
        return dav.get(href).map(DavResponse::bodyText).orElseThrow(() -> new EventNotFoundException("event "
                + identity.uid() + " not found at " + href));
    }

    private String etagOf(URI href) {
        Optional<String> etag;
        try {
            etag = dav.propfind(href, 0, GETETAG).entry(href).flatMap(e -> e.text(DavNames.GETETAG));
        } catch (DavHttpException e) {
            etag = Optional.empty();
        }
        return etag.orElseThrow(() -> new CalendarStoreException(Reason.PROTOCOL, href
                + " has no ETag, so it cannot be changed safely"));
    }
}
