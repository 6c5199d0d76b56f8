package io.calplanebot.adapter.builtin;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.EventIdentity;
import io.calplanebot.core.domain.EventVersion;
import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.core.port.out.CalendarStoreException;
import io.calplanebot.core.port.out.CalendarStoreException.Reason;
import io.calplanebot.core.port.out.EventAlreadyExistsException;
import io.calplanebot.core.port.out.EventNotFoundException;
import io.calplanebot.core.port.out.StaleVersionException;
import io.calplanebot.ical.EventStamp;
import io.calplanebot.ical.ICalEventCodec;
import io.calplanebot.ical.IcsFormatException;
import io.calplanebot.ical.IcsWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One calendar: a folder holding a {@code displayname} file and one {@code <resource name>} ({@code .ics}) file per
 * event, the vdir layout of vdirsyncer and khal. Every method holds this calendar's monitor, so the threads of one
 * process take turns per calendar; the data directory lock keeps other processes out.
 */
final class VdirCalendar {
    static final String DISPLAY_NAME = "displayname";
    private static final String EXTENSION = ".ics";

    private final CalendarId id;
    private final Path folder;
    private final ICalEventCodec codec;
    private final Clock clock;
    private final Map<String, EventFile> files = new HashMap<>();

    /** @param known what an earlier process read of the event files (checked against each file before use) */
    VdirCalendar(CalendarId id, Path folder, ICalEventCodec codec, Clock clock, Map<String, EventFile> known) {
        this.id = id;
        this.folder = folder;
        this.codec = codec;
        this.clock = clock;
        files.putAll(known);
    }

    /** What this calendar knows of its event files now (for the status file). */
    synchronized Map<String, EventFile> known() {
        return new HashMap<>(files);
    }

    CalendarId id() {
        return id;
    }

    /** The calendar's name: its {@code displayname} file, or the folder name when there is none. */
    synchronized String displayName() throws IOException {
        Path file = folder.resolve(DISPLAY_NAME);
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return folder.getFileName().toString();
        }
    }

    /** Names the calendar, writing the file only when the name changed. */
    synchronized void rename(String name) throws IOException {
        Path file = folder.resolve(DISPLAY_NAME);
        if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).strip().equals(name.strip())) {
            AtomicFiles.write(file, name.strip().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Every event file's decoded event; fails when a file that looks like ours cannot be read. */
    synchronized List<StoredEvent> events() throws IOException {
        refresh();
        List<StoredEvent> events = new ArrayList<>(files.size());
        for (Map.Entry<String, EventFile> entry : files.entrySet()) {
            EventFile file = entry.getValue();
            if (file.stored().isPresent()) {
                events.add(file.stored().get());
            } else if (entry.getKey().startsWith(EventIdentity.UID_PREFIX)) {
                throw new CalendarStoreException(Reason.PROTOCOL, "event file " + folder.resolve(entry.getKey())
                        + " cannot be read: " + file.problem().orElse("unknown problem"));
            }
        }
        return events;
    }

    /** The event in the file of this identity, read now. */
    synchronized Optional<StoredEvent> find(EventIdentity identity) throws IOException {
        Path path = pathOf(identity);
        Optional<EventFile> file = read(path);
        if (file.isEmpty()) {
            files.remove(path.getFileName().toString());
            return Optional.empty();
        }
        if (file.get().stored().isEmpty()) {
            throw new CalendarStoreException(Reason.PROTOCOL, "event file " + path + " cannot be read: "
                    + file.get().problem().orElse("unknown problem"));
        }
        return file.get().stored();
    }

    synchronized EventVersion create(CalendarEvent event) throws IOException {
        EventIdentity identity = event.identity();
        Path path = pathOf(identity);
        if (Files.exists(path)) {
            throw new EventAlreadyExistsException("event " + identity.resourceName() + " already exists in " + id);
        }
        byte[] bytes = IcsWriter.calendarObject(event, EventStamp.newEvent(clock.instant()), true)
                .getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(path, bytes);
        EventVersion version = Etags.of(bytes);
        remember(path, version, Optional.of(new StoredEvent(identity, version, event)));
        return version;
    }

    synchronized EventVersion update(EventIdentity identity, CalendarEvent event, EventVersion expected)
            throws IOException {
        Path path = pathOf(identity);
        byte[] current = current(path, identity, expected);
        String merged;
        try {
            merged = codec.merge(new String(current, StandardCharsets.UTF_8), event);
        } catch (IcsFormatException e) {
            throw new CalendarStoreException(Reason.PROTOCOL, "cannot update " + path + ": " + e.getMessage(), e);
        }
        byte[] bytes = merged.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(path, bytes);
        files.remove(path.getFileName().toString()); // read back by the next listing: the merge kept other data
        return Etags.of(bytes);
    }

    synchronized void delete(EventIdentity identity, EventVersion expected) throws IOException {
        Path path = pathOf(identity);
        current(path, identity, expected);
        AtomicFiles.delete(path);
        files.remove(path.getFileName().toString());
    }

    /** Deletes what a crash left behind in the folder. */
    synchronized List<String> removeLeftovers() throws IOException {
        return AtomicFiles.removeLeftovers(folder);
    }

    /** The file's bytes, if its version is still the expected one. */
    private byte[] current(Path path, EventIdentity identity, EventVersion expected) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new EventNotFoundException("event " + identity.resourceName() + " not found in " + id);
        }
        EventVersion version = Etags.of(bytes);
        if (!version.equals(expected)) {
            throw new StaleVersionException("event " + identity.resourceName() + " in " + id + " is at " + version
                    + ", not " + expected);
        }
        return bytes;
    }

    /** Brings the cache up to the folder's content: unchanged files are neither read nor parsed. */
    private void refresh() throws IOException {
        Set<String> seen = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path path : entries) {
                String name = path.getFileName().toString();
                if (!isEventFile(name)) {
                    continue;
                }
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(path, BasicFileAttributes.class);
                } catch (NoSuchFileException e) {
                    continue; // deleted since the directory was read
                }
                if (!attributes.isRegularFile()) {
                    continue;
                }
                seen.add(name);
                EventFile known = files.get(name);
                if (known == null || !known.isCurrent(attributes)) {
                    read(path).ifPresentOrElse(file -> files.put(name, file), () -> seen.remove(name));
                }
            }
        } catch (NoSuchFileException e) {
            throw new EventNotFoundException("calendar " + id + " does not exist (" + folder + " is gone)");
        }
        files.keySet().retainAll(seen);
    }

    /** Reads and decodes one file, reusing the cached event when the bytes are the same; empty when absent. */
    private Optional<EventFile> read(Path path) throws IOException {
        BasicFileAttributes attributes;
        byte[] bytes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        String name = path.getFileName().toString();
        EventVersion version = Etags.of(bytes);
        EventFile known = files.get(name);
        EventFile file;
        if (known != null && known.version().equals(version)) {
            file = new EventFile(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime(), version,
                    known.stored(), known.problem());
        } else {
            file = decode(name, attributes, version, bytes);
        }
        files.put(name, file);
        return Optional.of(file);
    }

    private EventFile decode(String name, BasicFileAttributes attributes, EventVersion version, byte[] bytes) {
        Optional<StoredEvent> stored;
        Optional<String> problem;
        try {
            CalendarEvent event = codec.decodeQuickly(new String(bytes, StandardCharsets.UTF_8));
            stored = Optional.of(new StoredEvent(new EventIdentity(event.uid(), name), version, event));
            problem = Optional.empty();
        } catch (IcsFormatException | IllegalArgumentException e) {
            stored = Optional.empty();
            problem = Optional.of(String.valueOf(e.getMessage()));
        }
        return new EventFile(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime(), version, stored,
                problem);
    }

    /** Records a file this calendar has just written, so that the next listing need not read it. */
    private void remember(Path path, EventVersion version, Optional<StoredEvent> stored) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        files.put(path.getFileName().toString(), new EventFile(attributes.fileKey(), attributes.size(),
                attributes.lastModifiedTime(), version, stored, Optional.empty()));
    }

    private Path pathOf(EventIdentity identity) {
        String name = identity.resourceName();
        if (!isEventFile(name) || name.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("not an event file name: " + name);
        }
        return folder.resolve(name);
    }

    private static boolean isEventFile(String name) {
        return name.endsWith(EXTENSION) && !name.startsWith(".") && name.length() > EXTENSION.length();
    }
}
