package io.calplanebot.adapter.caldav;

import io.calplanebot.adapter.caldav.dav.DavClient;
import io.calplanebot.adapter.caldav.dav.DavEntry;
import io.calplanebot.adapter.caldav.dav.DavNames;
import io.calplanebot.adapter.caldav.dav.DavResponse;
import io.calplanebot.adapter.caldav.dav.DavXml;
import io.calplanebot.adapter.caldav.dav.Hrefs;
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
import java.util.List;
import java.util.Optional;

/**
 * The events in one calendar collection: read with a calendar-query REPORT (or GET), written with conditional
 * PUT/DELETE (If-None-Match: * to create, If-Match to change), and updated by rewriting only the managed
 * properties of the stored object. DAV failures are left to the caller to translate; what this class throws
 * itself is already the port's.
 */
final class CalendarEvents {
    private static final String GETETAG = DavXml.propfind(DavNames.GETETAG);

    private final DavClient dav;
    private final ICalEventCodec codec;
    private final EventBodyCache bodies = new EventBodyCache(4096);

    CalendarEvents(DavClient dav, ICalEventCodec codec) {
        this.dav = dav;
        this.codec = codec;
    }

    /** Our events in the calendar (UIDs with our suffix). */
    List<StoredEvent> listOwned(URI calendar) {
        List<StoredEvent> owned = new ArrayList<>();
        for (StoredEvent stored : query(calendar, DavXml.eventQuery(), EventIdentity.UID_SUFFIX)) {
            if (stored.isOwned()) {
                owned.add(stored);
            }
        }
        return owned;
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
        return Optional.of(stored(href, etag, ics));
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
        return remembered(href, ics, dav.put(href, ics, Precondition.createOnly()).etag());
    }

    /**
     * Keeps what was just written under the ETag the server gave it, so that the next update of the event (a
     * webhook change moments later) merges with it without reading it back; a server that gives no ETag is read.
     */
    private Optional<EventVersion> remembered(URI href, String ics, Optional<String> etag) {
        etag.ifPresent(value -> bodies.put(href, value, ics));
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
        return remembered(href, merged, dav.put(href, merged, Precondition.ifMatch(expected.value())).etag());
    }

    void delete(URI calendar, EventIdentity identity, EventVersion expected) {
        URI href = Hrefs.child(calendar, identity.resourceName());
        bodies.forget(href);
        dav.delete(href, Precondition.ifMatch(expected.value()));
    }

    /**
     * The events a calendar-query returns, skipping without decoding those whose data cannot hold
     * {@code uidText}; undecodable events fail the call only when they are ours.
     */
    private List<StoredEvent> query(URI calendar, String report, String uidText) {
        List<StoredEvent> events = new ArrayList<>();
        for (DavEntry entry : dav.report(calendar, 1, report).entries()) {
            if (Hrefs.sameResource(entry.href(), calendar)) {
                if (entry.isFailure()) { // the calendar itself failed: never a silently empty listing
                    throw entry.status() == 404 || entry.status() == 410
                            ? new EventNotFoundException("calendar " + calendar + " does not exist")
                            : new CalendarStoreException(Reason.PROTOCOL, "listing " + calendar + " failed: "
                            + entry.status());
                }
                continue;
            }
            if (entry.isFailure()) {
                throw new CalendarStoreException(Reason.PROTOCOL, "listing " + calendar + " is incomplete: "
                        + entry.href() + " answered " + entry.status());
            }
            storedOrSkip(entry, uidText).ifPresent(events::add);
        }
        return events;
    }

    private Optional<StoredEvent> storedOrSkip(DavEntry entry, String uidText) {
        URI href = entry.href();
        Optional<String> data = entry.text(DavNames.CALENDAR_DATA);
        Optional<String> etag = entry.text(DavNames.GETETAG);
        if (data.isEmpty() || etag.isEmpty()) {
            Optional<DavResponse> response = dav.get(href);
            if (response.isEmpty()) {
                return Optional.empty(); // deleted since the listing
            }
            data = Optional.of(response.get().bodyText());
            etag = Optional.of(response.get().etag().orElseGet(() -> etagOf(href)));
        }
        if (!mayHold(data.get(), uidText)) {
            return Optional.empty(); // cheap test first: most foreign events are never decoded
        }
        try {
            StoredEvent stored = stored(href, etag.get(), data.get());
            bodies.put(href, etag.get(), data.get());
            return Optional.of(stored);
        } catch (CalendarStoreException e) {
            if (isOwnedData(data.get())) {
                throw e;
            }
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
