package io.calplanebot.adapter.caldav;

import io.calplanebot.adapter.caldav.StoreErrors.Access;
import io.calplanebot.adapter.caldav.dav.DavClient;
import io.calplanebot.adapter.caldav.dav.DavClientBuilder;
import io.calplanebot.adapter.caldav.dav.DavNames;
import io.calplanebot.adapter.caldav.dav.DavXml;
import io.calplanebot.adapter.caldav.dav.Hrefs;
import io.calplanebot.adapter.caldav.dav.error.DavException;
import io.calplanebot.ical.CacheFile;
import io.calplanebot.ical.ICalEventCodec;
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
import io.calplanebot.support.http.RequestMetrics;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
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
 * project gets {@code plane-{project id}/} ({@link CalendarCollections}), or to one calendar that every project
 * shares. The events themselves are {@link CalendarEvents}' business. Every call is timed (when a meter registry
 * was given) and its DAV failures are translated into the port's errors in one step ({@link StoreErrors}).
 */
public final class CalDavCalendarStore implements CalendarStore, AutoCloseable {
    private static final List<String> OPERATIONS = List.of("ensure_calendar", "find_calendar", "list_events",
            "get_event", "find_by_uid", "create", "update", "delete", "delete_calendar", "check");
    private static final String RESOURCETYPE = DavXml.propfind(DavNames.RESOURCETYPE);
    private static final Logger LOG = LoggerFactory.getLogger(CalDavCalendarStore.class);

    private final CalDavSettings settings;
    private final DavClient dav;
    private final StoreErrors errors;
    private final CalDavDiscovery discovery;
    private final CalendarCollections collections;
    private final CalendarEvents events;
    private final RequestMetrics metrics;
    private final KnownVersions versions = new KnownVersions();
    private final ListedCalendars listed = new ListedCalendars();
    private final Optional<KnownVersionsFile> versionsFile;
    private volatile CalDavLocation location;

    private CalDavCalendarStore(Builder builder) {
        this.settings = builder.settings;
        DavClientBuilder client = DavClient.builder(settings.url())
                .timeouts(settings.connectTimeout(), settings.readTimeout())
                .retry(builder.attempts, builder.backoff)
                .openCircuitFor(builder.openCircuitFor)
                .resilienceRegistries(builder.retries, builder.breakers);
        this.dav = (settings.authType() == AuthType.DIGEST
                ? client.digest(settings.username(), settings.password())
                : client.basic(settings.username(), settings.password())).build();
        this.errors = new StoreErrors(settings.username());
        this.discovery = new CalDavDiscovery(dav);
        this.versionsFile = Optional.ofNullable(builder.versionsFile).map(file -> new KnownVersionsFile(file,
                CacheFile.productVersion()));
        versionsFile.ifPresent(file -> {
            SyncStatus status = file.read(account());
            versions.load(status.known());
            listed.load(status.calendars());
        });
        this.events = new CalendarEvents(dav, new ICalEventCodec(settings.clock()), versions, listed,
                settings.clock());
        this.collections = new CalendarCollections(dav, builder.calendarColor, events::listWholeNextTime);
        this.metrics = RequestMetrics.of(builder.meters, "calplanebot_caldav_requests",
                "Calls to the CalDAV server by operation", OPERATIONS, CalDavCalendarStore::outcome);
    }

    public static Builder builder(CalDavSettings settings) {
        return new Builder(settings);
    }

    @Override
    public CalendarId ensureCalendar(Project project) {
        return call("ensure_calendar", Access.READ, "preparing the calendar of project " + project.identifier(), () -> {
            CalDavLocation at = location();
            return id(at.singleCalendar().orElseGet(() -> collections.ensure(at.home(), project)));
        });
    }

    @Override
    public Optional<CalendarId> findCalendar(Project project) {
        return call("find_calendar", Access.READ, "finding the calendar of project " + project.identifier(), () -> {
            CalDavLocation at = location();
            if (at.singleCalendar().isPresent()) {
                return Optional.of(id(at.singleCalendar().get()));
            }
            return collections.find(at.home(), project).map(c -> id(c.href()));
        });
    }

    @Override
    public List<StoredEvent> listOwnedEvents(CalendarId calendar) {
        List<StoredEvent> owned = call("list_events", Access.READ, "listing events in " + calendar.value(),
                () -> events.listOwned(uri(calendar)));
        saveKnownVersions();
        return owned;
    }

    /**
     * Keeps what this store knows of each event (its ETag and, for ours, what it holds) in the file given to the
     * builder, when it changed. Failing to write it costs only speed: the next process fetches those events again.
     */
    private void saveKnownVersions() {
        if (versionsFile.isEmpty() || !versions.changed() && !listed.changed()) {
            return;
        }
        synchronized (versionsFile.get()) {
            if (!versions.changed() && !listed.changed()) {
                return; // saved meanwhile by the thread this one waited for
            }
            // a change made while this copy is written marks the status changed again
            SyncStatus status = new SyncStatus(versions.takeForSaving(), listed.takeForSaving());
            try {
                versionsFile.get().write(account(), status);
            } catch (IOException | RuntimeException e) {
                versions.unsaved();
                listed.unsaved();
                LOG.warn("Could not keep the CalDAV sync status in {} ({}); the next sync fetches every event again",
                        versionsFile.get().path(), e.getMessage());
            }
        }
    }

    /** Names the account a file of known versions belongs to (never the password). */
    private String account() {
        return settings.url() + " " + settings.username();
    }

    /** How many listings took only the changes since the calendar's sync token (RFC 6578). */
    int listingsByChanges() {
        return events.listingsByChanges();
    }

    /** Each calendar's members at its sync token, as the next listing will follow them. */
    ListedCalendars listedCalendars() {
        return listed;
    }

    @Override
    public Optional<StoredEvent> findEvent(CalendarId calendar, EventIdentity identity) {
        return call("get_event", Access.READ, "reading event " + identity.uid(),
                () -> events.find(uri(calendar), identity));
    }

    @Override
    public List<LocatedEvent> findEventsByUid(String uid) {
        return call("find_by_uid", Access.READ, "looking for event " + uid, () -> {
            CalDavLocation at = location();
            List<URI> calendars = new ArrayList<>();
            if (at.singleCalendar().isPresent()) {
                calendars.add(at.singleCalendar().get());
            } else {
                collections.list(at.home()).forEach(c -> calendars.add(c.href()));
            }
            List<LocatedEvent> found = new ArrayList<>();
            for (URI calendar : calendars) {
                events.findByUid(calendar, uid).forEach(stored -> found.add(new LocatedEvent(id(calendar), stored)));
            }
            return found;
        });
    }

    @Override
    public Optional<EventVersion> create(CalendarId calendar, CalendarEvent event) {
        return call("create", Access.CREATE, "creating event " + event.uid(),
                () -> events.create(uri(calendar), event));
    }

    @Override
    public Optional<EventVersion> update(CalendarId calendar, EventIdentity identity, CalendarEvent event,
                                         EventVersion expected) {
        return call("update", Access.UPDATE, "updating event " + identity.uid(),
                () -> events.update(uri(calendar), identity, event, expected));
    }

    @Override
    public void delete(CalendarId calendar, EventIdentity identity, EventVersion expected) {
        call("delete", Access.DELETE, "deleting event " + identity.uid(), () -> {
            events.delete(uri(calendar), identity, expected);
            return null;
        });
    }

    /**
     * Deletes a calendar that holds no events, such as one created only to check write access. A calendar that
     * holds anything is left in place (a {@link CalendarStoreException} with reason PROTOCOL).
     */
    public void deleteEmptyCalendar(CalendarId calendar) {
        call("delete_calendar", Access.DELETE, "deleting calendar " + calendar.value(), () -> {
            collections.deleteEmpty(uri(calendar));
            return null;
        });
    }

    @Override
    public void checkConnection() {
        call("check", Access.READ, "checking the connection", () -> dav.propfind(location().entryPoint(), 0,
                RESOURCETYPE));
    }

    /**
     * The same PROPFIND, sent once past the retry and the circuit breaker, giving up after about {@code timeout}; to
     * the configured URL while discovery has not run yet.
     */
    @Override
    public void checkConnection(Duration timeout) {
        CalDavLocation known = location;
        URI entry = known == null ? settings.url() : known.entryPoint();
        call("check", Access.READ, "checking the connection", () -> dav.propfindOnce(entry, 0, RESOURCETYPE, timeout));
    }

    /** Where the configured URL led: discovered on first use, then kept. */
    public URI calendarHome() {
        return translated(Access.READ, "discovering the calendar home", () -> location().home());
    }

    /** Whether the configured URL is one calendar that every project shares. */
    public boolean isSingleCalendar() {
        return translated(Access.READ, "discovering the calendar home", () -> location().singleCalendar().isPresent());
    }

    @Override
    public void close() {
        saveKnownVersions();
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

    private <T> T call(String operation, Access access, String what, Supplier<T> action) {
        return metrics.time(operation, () -> translated(access, what, action));
    }

    /** Runs the action; a DAV failure becomes the port's error, in this one step. */
    private <T> T translated(Access access, String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (DavException e) {
            throw errors.translate(e, access, what);
        }
    }

    /** The outcome tag of a failed call: the port's reason in lower case. */
    private static String outcome(RuntimeException e) {
        return e instanceof CalendarStoreException
                ? RequestMetrics.reasonOf(((CalendarStoreException) e).reason()) : RequestMetrics.ERROR;
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
        private Path versionsFile;

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

        /**
         * Keeps what the store knows of each event (ETag, and what ours hold) in this file, so that the next process
         * lists the calendars without fetching and decoding unchanged events. Without it, that is known only while
         * the store is open.
         */
        public Builder knownVersionsFile(Path file) {
            this.versionsFile = Objects.requireNonNull(file, "file");
            return this;
        }

        public CalDavCalendarStore build() {
            return new CalDavCalendarStore(this);
        }
    }
}
