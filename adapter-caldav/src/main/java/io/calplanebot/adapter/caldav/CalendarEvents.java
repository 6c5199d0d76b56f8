package io.calplanebot.adapter.caldav;

import io.calplanebot.adapter.caldav.dav.DavClient;
import io.calplanebot.adapter.caldav.dav.DavEntry;
import io.calplanebot.adapter.caldav.dav.DavNames;
import io.calplanebot.adapter.caldav.dav.DavResponse;
import io.calplanebot.adapter.caldav.dav.DavXml;
import io.calplanebot.adapter.caldav.dav.Hrefs;
import io.calplanebot.adapter.caldav.dav.MultiStatus;
import io.calplanebot.adapter.caldav.dav.Precondition;
import io.calplanebot.adapter.caldav.dav.error.DavException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The events in one calendar collection: listed by the changes since the calendar's sync token where the server keeps
 * one (RFC 6578) or else whole with a calendar-query REPORT, read with calendar-multiget (or GET), written with conditional
 * PUT/DELETE (If-None-Match: * to create, If-Match to change), and updated by rewriting only the managed
 * properties of the stored object. DAV failures are left to the caller to translate; what this class throws
 * itself is already the port's.
 */
final class CalendarEvents {
    private static final String GETETAG = DavXml.propfind(DavNames.GETETAG);
    private static final String ETAGS = DavXml.eventEtagQuery();
    private static final String SYNC_TOKEN = DavXml.propfind(DavNames.SYNC_TOKEN);
    /**
     * How long a calendar is followed by its sync token before it is listed whole again: a bound on what a server
     * that answers a token it does not know with its members alone, without the removed ones (DAViCal), can hide.
     */
    static final Duration WHOLE_LISTING_EVERY = Duration.ofHours(24);
    private static final Logger LOG = LoggerFactory.getLogger(CalendarEvents.class);
    /** Events fetched by one calendar-multiget REPORT. */
    static final int MULTIGET_BATCH = 250;

    private final DavClient dav;
    private final ICalEventCodec codec;
    private final EventBodyCache bodies = new EventBodyCache(4096);
    private final KnownVersions versions;
    private final ListedCalendars listed;
    private final Clock clock;
    private final AtomicInteger listingsByChanges = new AtomicInteger();
    private volatile boolean serverKeepsSyncTokens = true;

    CalendarEvents(DavClient dav, ICalEventCodec codec, KnownVersions versions, ListedCalendars listed, Clock clock) {
        this.dav = dav;
        this.codec = codec;
        this.versions = versions;
        this.listed = listed;
        this.clock = clock;
    }

    /**
     * Our events in the calendar (UIDs with our suffix). The ETag of every member is known from the calendar's
     * listing ({@link #membersOf}); only the events not known at their current ETag are fetched (calendar-multiget)
     * and decoded.
     */
    List<StoredEvent> listOwned(URI calendar) {
        List<StoredEvent> owned = new ArrayList<>();
        List<URI> unknown = new ArrayList<>();
        Map<URI, Optional<String>> members = membersOf(calendar);
        for (Map.Entry<URI, Optional<String>> member : members.entrySet()) {
            Optional<KnownVersions.Known> known = member.getValue()
                    .flatMap(etag -> versions.at(member.getKey(), etag));
            if (known.isPresent()) {
                known.get().owned().ifPresent(owned::add);
            } else {
                unknown.add(member.getKey());
            }
        }
        for (int from = 0; from < unknown.size(); from += MULTIGET_BATCH) {
            owned.addAll(fetchOwned(calendar, unknown.subList(from, Math.min(unknown.size(), from + MULTIGET_BATCH))));
        }
        versions.keepListed(calendar, members.keySet());
        return owned;
    }

    /** How many listings took only the changes since the calendar's sync token; for tests and diagnosis. */
    int listingsByChanges() {
        return listingsByChanges.get();
    }

    /** The next listing of this calendar is a whole one (it was just created, or a write to it failed). */
    void listWholeNextTime(URI calendar) {
        listed.forget(calendar);
    }

    /**
     * Every member resource of the calendar with its ETag (empty when the server gave none): the members at the
     * calendar's last sync token with the changes since applied, or else a whole listing.
     */
    private Map<URI, Optional<String>> membersOf(URI calendar) {
        Optional<Map<URI, Optional<String>>> changed = listed.of(calendar)
                .filter(last -> clock.instant().isBefore(last.wholeListingAt().plus(WHOLE_LISTING_EVERY)))
                .flatMap(last -> listedByChanges(calendar, last));
        return changed.orElseGet(() -> listedWhole(calendar));
    }

    /**
     * The members at {@code last} with what changed since its token (RFC 6578), or empty when the server does not
     * give the changes whole: the token refused or failing (Radicale and Cyrus answer 403, Xandikos 500), the
     * answer cut short (507 for the calendar itself) or a member failing. The calendar is then listed whole.
     */
    private Optional<Map<URI, Optional<String>>> listedByChanges(URI calendar, ListedCalendar last) {
        MultiStatus answer;
        try {
            answer = dav.reportOnce(calendar, 0, DavXml.syncCollection(last.syncToken()));
        } catch (DavException | UncheckedIOException e) {
            LOG.debug("calendar {}: the changes since its sync token were not given ({}); listing it whole", calendar,
                    e.getMessage());
            listed.forget(calendar);
            return Optional.empty();
        }
        Map<URI, String> members = new HashMap<>(last.members());
        for (DavEntry entry : answer.entries()) {
            if (Hrefs.sameResource(entry.href(), calendar)) {
                if (entry.isFailure()) { // 507: more changes than the server lists at once
                    listed.forget(calendar);
                    return Optional.empty();
                }
                continue;
            }
            URI href = Hrefs.canonical(entry.href());
            Optional<String> etag = entry.text(DavNames.GETETAG);
            if (entry.status() == 404 || entry.status() == 410) {
                members.remove(href);
            } else if (etag.isPresent() && !entry.isFailure()) {
                members.put(href, etag.get());
            } else if (!href.getRawPath().endsWith("/")) { // a member collection holds no event
                listed.forget(calendar);
                return Optional.empty();
            }
        }
        if (answer.syncToken().isEmpty()) {
            listed.forget(calendar);
            return Optional.empty();
        }
        listed.put(calendar, new ListedCalendar(answer.syncToken().get(), last.wholeListingAt(), members));
        listingsByChanges.incrementAndGet();
        Map<URI, Optional<String>> found = new HashMap<>();
        members.forEach((href, etag) -> found.put(href, Optional.of(etag)));
        return Optional.of(found);
    }

    /**
     * Every VEVENT member with its ETag, by a calendar-query for {@code getetag} alone (cheaper on some servers than
     * a PROPFIND). The calendar's sync token is read first, so that a change made during the listing is among the
     * changes since that token; a server without tokens (SabreDAV 1.8) is not asked again.
     */
    private Map<URI, Optional<String>> listedWhole(URI calendar) {
        Instant listedAt = clock.instant();
        Optional<String> token = syncTokenOf(calendar);
        Map<URI, Optional<String>> members = new HashMap<>();
        for (DavEntry entry : members(calendar, dav.report(calendar, 1, ETAGS))) {
            if (!entry.hasResourceType(DavNames.COLLECTION)) {
                members.put(Hrefs.canonical(entry.href()), entry.text(DavNames.GETETAG));
            }
        }
        if (token.isPresent() && members.values().stream().allMatch(Optional::isPresent)) {
            Map<URI, String> etags = new HashMap<>();
            members.forEach((href, etag) -> etags.put(href, etag.get()));
            listed.put(calendar, new ListedCalendar(token.get(), listedAt, etags));
        } else {
            listed.forget(calendar);
        }
        return members;
    }

    /** The calendar's DAV:sync-token, when the server keeps one. */
    private Optional<String> syncTokenOf(URI calendar) {
        if (!serverKeepsSyncTokens) {
            return Optional.empty();
        }
        Optional<DavEntry> entry;
        try {
            entry = dav.propfind(calendar, 0, SYNC_TOKEN).entry(calendar);
        } catch (DavNotFoundException e) {
            throw new EventNotFoundException("calendar " + calendar + " does not exist");
        } catch (DavHttpException e) {
            LOG.debug("calendar {}: its sync token was refused ({}); the server's calendars are listed whole",
                    calendar, e.getMessage());
            serverKeepsSyncTokens = false;
            return Optional.empty();
        }
        Optional<String> token = entry.flatMap(e -> e.text(DavNames.SYNC_TOKEN));
        if (token.isEmpty() && entry.isPresent()) {
            LOG.debug("calendar {} has no sync token; the server's calendars are listed whole", calendar);
            serverKeepsSyncTokens = false;
        }
        return token;
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
        return remembered(href, event, ics, written(calendar, () -> dav.put(href, ics, Precondition.createOnly()))
                .etag());
    }

    /**
     * Runs a step of a write to the calendar; when it fails (a conflict or an event that is gone says the calendar
     * is not what its listing showed), the next listing of the calendar is a whole one.
     */
    private <T> T written(URI calendar, Supplier<T> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            listed.forget(calendar);
            throw e;
        }
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
        String stored = written(calendar, () -> bodies.get(href, expected.value())
                .orElseGet(() -> fetch(href, identity))); // an event that is gone fails here
        String merged;
        try {
            merged = codec.merge(stored, event);
        } catch (IcsFormatException e) {
            throw new CalendarStoreException(Reason.PROTOCOL, "cannot update " + href + ": " + e.getMessage(), e);
        }
        bodies.forget(href);
        versions.forget(href);
        return remembered(href, event, merged, written(calendar,
                () -> dav.put(href, merged, Precondition.ifMatch(expected.value()))).etag());
    }

    void delete(URI calendar, EventIdentity identity, EventVersion expected) {
        URI href = Hrefs.child(calendar, identity.resourceName());
        bodies.forget(href);
        versions.forget(href);
        written(calendar, () -> {
            dav.delete(href, Precondition.ifMatch(expected.value()));
            return null;
        });
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
