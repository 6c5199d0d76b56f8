package io.calplanebot.adapter.builtin;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.EventIdentity;
import io.calplanebot.core.domain.EventVersion;
import io.calplanebot.core.domain.LocatedEvent;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.core.domain.feed.ArchiveVersion;
import io.calplanebot.core.port.out.CalendarStore;
import io.calplanebot.core.port.out.CalendarStoreException;
import io.calplanebot.core.port.out.CalendarStoreException.Reason;
import io.calplanebot.core.port.out.EventNotFoundException;
import io.calplanebot.ical.CacheFile;
import io.calplanebot.ical.ICalEventCodec;
import io.calplanebot.ical.PercentEncoding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The built-in {@link CalendarStore}: calendars on the local disk, under a data directory, in the vdir layout that
 * vdirsyncer and khal use:
 * <pre>
 * &lt;data&gt;/calplanebot.lock                        held while the store is open
 * &lt;data&gt;/calendars/plane-&lt;project id&gt;/displayname   the calendar's name ("Plane: Mobile")
 * &lt;data&gt;/calendars/plane-&lt;project id&gt;/plane-issue-&lt;issue id&gt;.ics   one VCALENDAR per event
 * </pre>
 * Versions are hashes of the files' bytes; writes are conditional, atomic and crash-safe ({@link AtomicFiles});
 * a second process on the same data directory fails at once with {@link DataDirectoryInUseException}. The events
 * keep the issue facts as X-PLANE- properties, for the feeds to filter on. Open it with {@link #open}; close it to
 * release the directory.
 */
public final class VdirCalendarStore implements CalendarStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VdirCalendarStore.class);
    static final String CALENDARS = "calendars";
    private static final String CALENDAR_PREFIX = "plane-";

    private final Path dataDirectory;
    private final Path calendarsFolder;
    private final DataDirectoryLock lock;
    private final ICalEventCodec codec;
    private final Clock clock;
    private final ConcurrentMap<String, VdirCalendar> calendars = new ConcurrentHashMap<>();
    private final VdirStatusFile status;
    private final Map<String, Map<String, EventFile>> known;
    private volatile boolean closed;

    /** Tells one opening of the store from another, so versions never repeat across restarts. */
    private final String openedAs = Long.toHexString(new SecureRandom().nextLong());
    private final long[] changes = {0};
    private Instant lastChange;

    private VdirCalendarStore(Path dataDirectory, DataDirectoryLock lock, Clock clock, VdirStatusFile status) {
        this.status = status;
        this.known = status.read();
        this.dataDirectory = dataDirectory;
        this.calendarsFolder = dataDirectory.resolve(CALENDARS);
        this.lock = lock;
        this.clock = clock;
        this.codec = new ICalEventCodec(clock).withIssueFacts();
        this.lastChange = clock.instant();
    }

    /**
     * Opens (creating it if needed) the store in this data directory, takes the directory's lock and removes the
     * temporary files a crash may have left. What it reads of the event files is kept in the data directory
     * ({@code builtin-status.bin}, written when it closes), so that the next process does not read the unchanged
     * files again.
     *
     * @throws DataDirectoryInUseException when another CalPlaneBot process has the directory open
     * @throws CalendarStoreException      when the directory cannot be created or read
     */
    public static VdirCalendarStore open(Path dataDirectory, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        Path directory = Objects.requireNonNull(dataDirectory, "data directory").toAbsolutePath().normalize();
        VdirStatusFile status = new VdirStatusFile(directory.resolve(VdirStatusFile.NAME), CacheFile.productVersion());
        try {
            AtomicFiles.createFolder(directory);
        } catch (IOException e) {
            throw failure("creating the data folder " + directory, e);
        }
        DataDirectoryLock lock = DataDirectoryLock.acquire(directory);
        try {
            VdirCalendarStore store = new VdirCalendarStore(directory, lock, clock, status);
            store.load();
            return store;
        } catch (IOException e) {
            lock.close();
            throw failure("opening the calendars in " + directory, e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private void load() throws IOException {
        AtomicFiles.createFolder(calendarsFolder);
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(calendarsFolder, Files::isDirectory)) {
            for (Path folder : folders) {
                String name = folder.getFileName().toString();
                if (!name.startsWith(".")) {
                    VdirCalendar calendar = calendar(name);
                    List<String> removed = calendar.removeLeftovers();
                    if (!removed.isEmpty()) {
                        LOG.warn("Removed {} unfinished write(s) left by a crash in {}: {}", removed.size(), folder,
                                removed);
                    }
                }
            }
        }
    }

    /**
     * A version of everything this store holds, for feeds: a new tag after every write through this store (the data
     * directory's lock makes this process the only writer), and when the last write happened.
     */
    public ArchiveVersion version() {
        synchronized (changes) {
            return new ArchiveVersion(openedAs + "-" + changes[0], lastChange);
        }
    }

    private void changed() {
        synchronized (changes) {
            changes[0]++;
            lastChange = clock.instant();
        }
    }

    /** The data directory this store works in. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public CalendarId ensureCalendar(Project project) {
        String name = folderName(project);
        return io("preparing the calendar of project " + project.identifier(), () -> {
            AtomicFiles.createFolder(calendarsFolder.resolve(name));
            VdirCalendar calendar = calendar(name);
            calendar.rename(project.calendarName());
            changed();
            return calendar.id();
        });
    }

    @Override
    public Optional<CalendarId> findCalendar(Project project) {
        checkOpen();
        String name = folderName(project);
        return Files.isDirectory(calendarsFolder.resolve(name)) ? Optional.of(calendar(name).id()) : Optional.empty();
    }

    @Override
    public List<StoredEvent> listOwnedEvents(CalendarId calendar) {
        return io("listing events in " + calendar, () -> {
            List<StoredEvent> owned = new ArrayList<>();
            for (StoredEvent stored : existing(calendar).events()) {
                if (stored.isOwned()) {
                    owned.add(stored);
                }
            }
            return owned;
        });
    }

    @Override
    public Optional<StoredEvent> findEvent(CalendarId calendar, EventIdentity identity) {
        return io("reading event " + identity.uid(), () -> existing(calendar).find(identity));
    }

    @Override
    public List<LocatedEvent> findEventsByUid(String uid) {
        return io("looking for event " + uid, () -> {
            List<LocatedEvent> found = new ArrayList<>();
            for (CalendarId id : calendars()) {
                for (StoredEvent stored : existing(id).events()) {
                    if (stored.uid().equals(uid)) {
                        found.add(new LocatedEvent(id, stored));
                    }
                }
            }
            return found;
        });
    }

    @Override
    public Optional<EventVersion> create(CalendarId calendar, CalendarEvent event) {
        return io("creating event " + event.uid(), () -> {
            EventVersion version = existing(calendar).create(event);
            changed();
            return Optional.of(version);
        });
    }

    @Override
    public Optional<EventVersion> update(CalendarId calendar, EventIdentity identity, CalendarEvent event,
                                         EventVersion expected) {
        return io("updating event " + identity.uid(), () -> {
            EventVersion version = existing(calendar).update(identity, event, expected);
            changed();
            return Optional.of(version);
        });
    }

    @Override
    public void delete(CalendarId calendar, EventIdentity identity, EventVersion expected) {
        io("deleting event " + identity.uid(), () -> {
            existing(calendar).delete(identity, expected);
            changed();
            return null;
        });
    }

    /** Proves the data directory can still be written: creates and deletes a temporary file in it. */
    @Override
    public void checkConnection() {
        io("checking the data folder " + dataDirectory, () -> {
            Path probe = Files.createTempFile(calendarsFolder, ".probe-", ".tmp");
            Files.delete(probe);
            return null;
        });
    }

    /** Every calendar in the store, in folder-name order (for the feeds). */
    public List<CalendarId> calendars() {
        checkOpen();
        Map<String, CalendarId> sorted = new TreeMap<>();
        calendars.forEach((name, calendar) -> {
            if (Files.isDirectory(calendarsFolder.resolve(name))) {
                sorted.put(name, calendar.id());
            }
        });
        return new ArrayList<>(sorted.values());
    }

    /** A calendar's name (its {@code displayname} file, or its folder name when it has none). */
    public String displayName(CalendarId calendar) {
        return io("reading the name of " + calendar, () -> existing(calendar).displayName());
    }

    /** Releases the data directory; the store cannot be used afterwards. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                keepStatus();
            } finally {
                lock.close();
            }
        }
    }

    /**
     * Writes what the calendars know of their event files, unless it is what the status file already held; a
     * failure only costs the next process a full read.
     */
    private void keepStatus() {
        Map<String, Map<String, EventFile>> files = new HashMap<>();
        calendars.forEach((folder, calendar) -> files.put(folder, calendar.known()));
        if (files.equals(known)) {
            return;
        }
        try {
            status.write(files);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not keep the built-in store's status file in {} (the next start reads every event file "
                    + "again): {}", dataDirectory, e.toString());
        }
    }

    private VdirCalendar calendar(String folderName) {
        return calendars.computeIfAbsent(folderName, name -> new VdirCalendar(new CalendarId(name),
                calendarsFolder.resolve(name), codec, clock, known.getOrDefault(name, Map.of())));
    }

    private VdirCalendar existing(CalendarId id) {
        VdirCalendar calendar = calendars.get(id.value());
        if (calendar == null || !Files.isDirectory(calendarsFolder.resolve(id.value()))) {
            throw new EventNotFoundException("calendar " + id + " does not exist in " + calendarsFolder);
        }
        return calendar;
    }

    /** {@code plane-<project id>}, the id percent-encoded so that any id makes one safe folder name. */
    static String folderName(Project project) {
        return CALENDAR_PREFIX + PercentEncoding.encode(project.id(), "-_.");
    }

    private <T> T io(String doing, IoAction<T> action) {
        checkOpen();
        try {
            return action.run();
        } catch (IOException e) {
            throw failure(doing, e);
        } catch (UncheckedIOException e) {
            throw failure(doing, e.getCause());
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new CalendarStoreException(Reason.UNREACHABLE, "the built-in calendar store in " + dataDirectory
                    + " is closed");
        }
    }

    private static CalendarStoreException failure(String doing, IOException e) {
        Reason reason = e instanceof AccessDeniedException ? Reason.FORBIDDEN : Reason.UNREACHABLE;
        return new CalendarStoreException(reason, doing + " failed: " + e, e);
    }

    /** A step that reads or writes files. */
    @FunctionalInterface
    private interface IoAction<T> {
        T run() throws IOException;
    }
}
