package io.calplanebot.adapter.caldav;

import io.calplanebot.adapter.caldav.StoreErrors.Write;
import io.calplanebot.adapter.caldav.dav.DavClient;
import io.calplanebot.adapter.caldav.dav.DavEntry;
import io.calplanebot.adapter.caldav.dav.DavFormatException;
import io.calplanebot.adapter.caldav.dav.DavNames;
import io.calplanebot.adapter.caldav.dav.DavRequest;
import io.calplanebot.adapter.caldav.dav.DavResponse;
import io.calplanebot.adapter.caldav.dav.DavUnreachableException;
import io.calplanebot.adapter.caldav.dav.DavXml;
import io.calplanebot.adapter.caldav.dav.Hrefs;
import io.calplanebot.adapter.caldav.dav.MultiStatus;
import io.calplanebot.adapter.caldav.ical.ICalEventCodec;
import io.calplanebot.adapter.caldav.ical.IcsFolding;
import io.calplanebot.adapter.caldav.ical.IcsFormatException;
import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.EventIdentity;
import io.calplanebot.core.domain.EventVersion;
import io.calplanebot.core.domain.LocatedEvent;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.core.port.out.CalendarStore;
import io.calplanebot.core.port.out.CalendarStoreException;
import io.calplanebot.core.port.out.CalendarStoreException.Reason;
import io.calplanebot.core.port.out.EventNotFoundException;

import io.calplanebot.support.http.RequestMetrics;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.github.resilience4j.retry.RetryRegistry;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link CalendarStore} on a CalDAV account. Build it with {@link #builder(CalDavSettings)}; close it to release
 * its connections.
 * <p>
 * The configured URL is resolved on first use (see {@link CalDavDiscovery}): to a calendar home, where each
 * project gets {@code plane-{project id}/}, or to one calendar that every project shares. Events are read with
 * one calendar-query REPORT, written with conditional PUT/DELETE (If-None-Match: * to create, If-Match to
 * change), and updated by rewriting only the managed properties of the stored object.
 */
public final class CalDavCalendarStore implements CalendarStore, AutoCloseable {
    private static final String GETETAG = DavXml.propfind(DavNames.GETETAG);
    private static final List<String> OPERATIONS = List.of("ensure_calendar", "find_calendar", "list_events",
            "get_event", "find_by_uid", "create", "update", "delete", "check");

    private final CalDavSettings settings;
    private final DavClient dav;
    private final ICalEventCodec codec;
    private final StoreErrors errors;
    private final CalDavDiscovery discovery;
    private final CalendarCollections collections;
    private final EventBodyCache bodies = new EventBodyCache(4096);
    private final RequestMetrics metrics;
    private volatile CalDavLocation location;

    private CalDavCalendarStore(Builder builder) {
        this.settings = builder.settings;
        DavClient.Builder client = DavClient.builder(settings.url())
                .timeouts(settings.connectTimeout(), settings.readTimeout())
                .retry(builder.attempts, builder.backoff)
                .openCircuitFor(builder.openCircuitFor)
                .resilienceRegistries(builder.retries, builder.breakers);
        this.dav = (settings.authType() == AuthType.DIGEST
                ? client.digest(settings.username(), settings.password())
                : client.basic(settings.username(), settings.password())).build();
        this.codec = new ICalEventCodec(settings.clock());
        this.errors = new StoreErrors(settings.username());
        this.discovery = new CalDavDiscovery(dav, errors);
        this.collections = new CalendarCollections(dav, errors, builder.calendarColor);
        this.metrics = RequestMetrics.of(builder.meters, "calplanebot_caldav_requests",
                "Calls to the CalDAV server by operation", OPERATIONS, CalDavCalendarStore::outcome);
    }

    /** The outcome tag of a failed call: the port's reason in lower case. */
    private static String outcome(RuntimeException e) {
        return e instanceof CalendarStoreException
                ? RequestMetrics.reasonOf(((CalendarStoreException) e).reason()) : RequestMetrics.ERROR;
    }

    public static Builder builder(CalDavSettings settings) {
        return new Builder(settings);
    }

    @Override
    public CalendarId ensureCalendar(Project project) {
        return call("ensure_calendar", () -> {
            CalDavLocation at = location();
            if (at.singleCalendar().isPresent()) {
                return id(at.singleCalendar().get());
            }
            return id(collections.ensure(at.home(), project));
        });
    }

    @Override
    public Optional<CalendarId> findCalendar(Project project) {
        return call("find_calendar", () -> {
            CalDavLocation at = location();
            if (at.singleCalendar().isPresent()) {
                return Optional.of(id(at.singleCalendar().get()));
            }
            return collections.find(at.home(), project).map(c -> id(c.href()));
        });
    }

    @Override
    public List<StoredEvent> listOwnedEvents(CalendarId calendar) {
        return call("list_events", () -> {
            List<StoredEvent> owned = new ArrayList<>();
            for (StoredEvent stored : query(uri(calendar), DavXml.eventQuery(), EventIdentity.UID_SUFFIX, true)) {
                if (stored.isOwned()) {
                    owned.add(stored);
                }
            }
            return owned;
        });
    }

    @Override
    public Optional<StoredEvent> findEvent(CalendarId calendar, EventIdentity identity) {
        return call("get_event", () -> {
            URI href = Hrefs.child(uri(calendar), identity.resourceName());
            DavResponse response = dav.execute(DavRequest.get(href));
            if (response.status() == 404 || response.status() == 410) {
                return Optional.empty();
            }
            if (!response.isSuccess()) {
                throw errors.failure(response, "reading event " + identity.uid());
            }
            String ics = response.bodyText();
            String etag = response.etag().orElseGet(() -> etagOf(href));
            bodies.put(href, etag, ics);
            return Optional.of(stored(href, etag, ics));
        });
    }

    @Override
    public List<LocatedEvent> findEventsByUid(String uid) {
        return call("find_by_uid", () -> {
            CalDavLocation at = location();
            List<URI> calendars = new ArrayList<>();
            if (at.singleCalendar().isPresent()) {
                calendars.add(at.singleCalendar().get());
            } else {
                collections.list(at.home()).forEach(c -> calendars.add(c.href()));
            }
            List<LocatedEvent> found = new ArrayList<>();
            for (URI calendar : calendars) {
                for (StoredEvent stored : query(calendar, DavXml.eventQueryByUid(uid), uid, false)) {
                    if (stored.uid().equals(uid)) {
                        found.add(new LocatedEvent(id(calendar), stored));
                    }
                }
            }
            return found;
        });
    }

    @Override
    public Optional<EventVersion> create(CalendarId calendar, CalendarEvent event) {
        return call("create", () -> {
            URI href = Hrefs.child(uri(calendar), event.identity().resourceName());
            DavResponse response = dav.execute(DavRequest.putNew(href, codec.encodeNew(event)));
            return written(response, href, Write.CREATE);
        });
    }

    @Override
    public Optional<EventVersion> update(CalendarId calendar, EventIdentity identity, CalendarEvent event,
                                         EventVersion expected) {
        return call("update", () -> {
            URI href = Hrefs.child(uri(calendar), identity.resourceName());
            String stored = bodies.get(href, expected.value()).orElseGet(() -> fetch(href, identity));
            String merged;
            try {
                merged = codec.merge(stored, event);
            } catch (IcsFormatException e) {
                throw new CalendarStoreException(Reason.PROTOCOL, "cannot update " + href + ": " + e.getMessage(), e);
            }
            DavResponse response = dav.execute(DavRequest.putReplacing(href, merged, expected.value()));
            return written(response, href, Write.UPDATE);
        });
    }

    @Override
    public void delete(CalendarId calendar, EventIdentity identity, EventVersion expected) {
        call("delete", () -> {
            URI href = Hrefs.child(uri(calendar), identity.resourceName());
            DavResponse response = dav.execute(DavRequest.delete(href, expected.value()));
            return written(response, href, Write.DELETE);
        });
    }

    @Override
    public void checkConnection() {
        call("check", () -> {
            URI entryPoint = location().entryPoint();
            DavResponse response = dav.execute(DavRequest.propfind(entryPoint, 0,
                    DavXml.propfind(DavNames.RESOURCETYPE)));
            if (!response.isMultiStatus()) {
                throw errors.failure(response, "checking the connection");
            }
            return null;
        });
    }

    /** Where the configured URL led: discovered on first use, then kept. */
    public URI calendarHome() {
        return call(() -> location().home());
    }

    /** Whether the configured URL is one calendar that every project shares. */
    public boolean isSingleCalendar() {
        return call(() -> location().singleCalendar().isPresent());
    }

    @Override
    public void close() {
        dav.close();
    }

    @Override
    public String toString() {
        return "CalDavCalendarStore[" + settings.url() + ", user " + settings.username() + "]";
    }

    private CalDavLocation location() {
        CalDavLocation known = location;
        if (known == null) {
            synchronized (this) {
                if (location == null) {
                    location = discovery.discover(settings.url());
                }
                known = location;
            }
        }
        return known;
    }

    /**
     * The events a calendar-query returns, skipping without decoding those whose data cannot hold
     * {@code uidText}; undecodable events fail the call only when they are ours.
     */
    private List<StoredEvent> query(URI calendar, String report, String uidText, boolean wholeCalendar) {
        DavResponse response = dav.execute(DavRequest.report(calendar, 1, report));
        if (!response.isMultiStatus()) {
            if (!wholeCalendar && (response.status() == 404 || response.status() == 410)) {
                return List.of();
            }
            throw errors.failure(response, "listing events in " + calendar);
        }
        MultiStatus multiStatus;
        try {
            multiStatus = response.multiStatus();
        } catch (DavFormatException e) {
            throw errors.unreadable(response, e);
        }
        List<StoredEvent> events = new ArrayList<>();
        for (DavEntry entry : multiStatus.entries()) {
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
            Optional<StoredEvent> stored = storedOrSkip(entry, uidText);
            stored.ifPresent(events::add);
        }
        return events;
    }

    private Optional<StoredEvent> storedOrSkip(DavEntry entry, String uidText) {
        URI href = entry.href();
        Optional<String> data = entry.text(DavNames.CALENDAR_DATA);
        Optional<String> etag = entry.text(DavNames.GETETAG);
        if (data.isEmpty() || etag.isEmpty()) {
            DavResponse response = dav.execute(DavRequest.get(href));
            if (response.status() == 404 || response.status() == 410) {
                return Optional.empty(); // deleted since the listing
            }
            if (!response.isSuccess()) {
                throw errors.failure(response, "reading " + href);
            }
            data = Optional.of(response.bodyText());
            etag = Optional.of(response.etag().orElseGet(() -> etagOf(href)));
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
            throw new CalendarStoreException(Reason.PROTOCOL, "event " + href + " cannot be read: " + e.getMessage(), e);
        }
    }

    private String fetch(URI href, EventIdentity identity) {
        DavResponse response = dav.execute(DavRequest.get(href));
        if (response.status() == 404 || response.status() == 410) {
            throw new EventNotFoundException("event " + identity.uid() + " not found at " + href);
        }
        if (!response.isSuccess()) {
            throw errors.failure(response, "reading event " + identity.uid() + " before updating it");
        }
        return response.bodyText();
    }

    private String etagOf(URI href) {
        DavResponse response = dav.execute(DavRequest.propfind(href, 0, GETETAG));
        Optional<String> etag = response.isMultiStatus()
                ? response.multiStatus().entry(href).flatMap(e -> e.text(DavNames.GETETAG)) : Optional.empty();
        return etag.orElseThrow(() -> new CalendarStoreException(Reason.PROTOCOL, href
                + " has no ETag, so it cannot be changed safely"));
    }

    private Optional<EventVersion> written(DavResponse response, URI href, Write write) {
        bodies.forget(href);
        Optional<CalendarStoreException> failure = errors.writeFailure(response, write);
        if (failure.isPresent()) {
            throw failure.get();
        }
        return response.etag().map(EventVersion::new);
    }

    private <T> T call(String operation, Supplier<T> action) {
        return metrics.time(operation, () -> call(action));
    }

    private <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (DavUnreachableException e) {
            throw errors.unreachable(e);
        }
    }

    private static CalendarId id(URI calendar) {
        return new CalendarId(Hrefs.asCollection(calendar).toString());
    }

    private static URI uri(CalendarId calendar) {
        try {
            return Hrefs.asCollection(URI.create(calendar.value()));
        } catch (IllegalArgumentException e) {
            throw new CalendarStoreException(Reason.NOT_FOUND, "not a CalDAV calendar URL: " + calendar.value(), e);
        }
    }

    /** Builds a {@link CalDavCalendarStore}. */
    public static final class Builder {
        private final CalDavSettings settings;
        private int attempts = 3;
        private Duration backoff = Duration.ofMillis(500);
        private Duration openCircuitFor = Duration.ofSeconds(30);
        private String calendarColor = "#3A6FD8FF";
        private RetryRegistry retries = RetryRegistry.ofDefaults();
        private CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        private MeterRegistry meters;

        private Builder(CalDavSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        /** Attempts per request on I/O errors and 5xx (default 3) and the first pause (default 500 ms, doubling). */
        public Builder retries(int maxAttempts, Duration firstBackoff) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1, was " + maxAttempts);
            }
            if (firstBackoff.toMillis() < 1) {
                throw new IllegalArgumentException("backoff must be at least 1 ms, was " + firstBackoff);
            }
            this.attempts = maxAttempts;
            this.backoff = firstBackoff;
            return this;
        }

        /** How long requests are refused after repeated failures (default 30 s). */
        public Builder openCircuitFor(Duration duration) {
            this.openCircuitFor = Objects.requireNonNull(duration, "duration");
            return this;
        }

        /** The Apple calendar-color of new project calendars, {@code #RRGGBB} or {@code #RRGGBBAA}. */
        public Builder calendarColor(String color) {
            if (color == null || !color.matches("#[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?")) {
                throw new IllegalArgumentException("calendar colour must look like #RRGGBB or #RRGGBBAA, was '"
                        + color + "'");
            }
            this.calendarColor = color;
            return this;
        }

        /**
         * Registers the store's retry and circuit breaker (both named {@code caldav}) in these registries, so that
         * their states can be published as metrics. Remove a previous store's {@code caldav} entries first: a
         * registry hands back an entry it already holds.
         */
        public Builder resilienceRegistries(RetryRegistry retryRegistry, CircuitBreakerRegistry breakerRegistry) {
            this.retries = Objects.requireNonNull(retryRegistry, "retry registry");
            this.breakers = Objects.requireNonNull(breakerRegistry, "circuit breaker registry");
            return this;
        }

        /**
         * Times every call of the store in {@code calplanebot_caldav_requests}, tagged with the operation and its
         * outcome ({@code ok} or the failure's reason in lower case). Without a registry nothing is recorded.
         */
        public Builder meterRegistry(MeterRegistry registry) {
            this.meters = Objects.requireNonNull(registry, "meter registry");
            return this;
        }

        public CalDavCalendarStore build() {
            return new CalDavCalendarStore(this);
        }
    }
}
