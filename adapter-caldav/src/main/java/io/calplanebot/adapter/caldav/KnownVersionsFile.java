package io.calplanebot.adapter.caldav;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.EventIdentity;
import io.calplanebot.core.domain.EventStatus;
import io.calplanebot.core.domain.EventVersion;
import io.calplanebot.core.domain.StoredEvent;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link KnownVersions} kept in a file of the data directory, so that the next process (a {@code sync} from the
 * command line) lists a calendar without fetching what it already knows. Only a cache: a file that is missing, of
 * another format or version, or damaged is ignored (everything is fetched once more), and it is replaced whole
 * (written beside, then moved) so that a crash leaves the old one or the new one.
 */
final class KnownVersionsFile {
    private static final int MAGIC = 0x43504256; // "CPBV"
    private static final int FORMAT = 1;
    private static final int MAX_TEXT = 16 * 1024 * 1024;

    private final Path file;
    private final String version;

    /**
     * @param version the product's version: what the decoder of another version made is not taken as known
     */
    KnownVersionsFile(Path file, String version) {
        this.file = file;
        this.version = version;
    }

    Path path() {
        return file;
    }

    /** The entries kept for {@code account}, or none when the file cannot be used. */
    Map<URI, KnownVersions.Known> read(String account) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT || !text(in).equals(version)
                    || !text(in).equals(account)) {
                return Map.of();
            }
            int count = in.readInt();
            Map<URI, KnownVersions.Known> entries = new HashMap<>();
            for (int i = 0; i < count; i++) {
                URI href = URI.create(text(in));
                String etag = text(in);
                Optional<StoredEvent> owned = in.readBoolean() ? Optional.of(event(in, etag)) : Optional.empty();
                entries.put(href, new KnownVersions.Known(etag, owned));
            }
            return entries;
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException | RuntimeException e) {
            return Map.of(); // damaged or cut short: fetched again, then written anew
        }
    }

    /** Replaces the file with these entries for {@code account}. */
    void write(String account, Map<URI, KnownVersions.Known> entries) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp)))) {
                out.writeInt(MAGIC);
                out.writeInt(FORMAT);
                text(out, version);
                text(out, account);
                out.writeInt(entries.size());
                for (Map.Entry<URI, KnownVersions.Known> entry : entries.entrySet()) {
                    text(out, entry.getKey().toString());
                    text(out, entry.getValue().etag());
                    Optional<StoredEvent> owned = entry.getValue().owned();
                    out.writeBoolean(owned.isPresent());
                    if (owned.isPresent()) {
                        event(out, owned.get());
                    }
                }
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void event(DataOutputStream out, StoredEvent stored) throws IOException {
        CalendarEvent event = stored.event();
        text(out, stored.identity().uid());
        text(out, stored.identity().resourceName());
        text(out, event.summary());
        text(out, event.description());
        out.writeLong(event.start().toEpochDay());
        out.writeLong(event.end().toEpochDay());
        text(out, event.status().name());
        out.writeInt(event.categories().size());
        for (String category : event.categories()) {
            text(out, category);
        }
        out.writeBoolean(event.color().isPresent());
        if (event.color().isPresent()) {
            text(out, event.color().get());
        }
        text(out, event.url());
    }

    private static StoredEvent event(DataInputStream in, String etag) throws IOException {
        String uid = text(in);
        String resourceName = text(in);
        String summary = text(in);
        String description = text(in);
        LocalDate start = LocalDate.ofEpochDay(in.readLong());
        LocalDate end = LocalDate.ofEpochDay(in.readLong());
        EventStatus status = EventStatus.valueOf(text(in));
        int categoryCount = in.readInt();
        if (categoryCount < 0 || categoryCount > 10_000) {
            throw new IOException("damaged: " + categoryCount + " categories");
        }
        List<String> categories = new ArrayList<>(categoryCount);
        for (int i = 0; i < categoryCount; i++) {
            categories.add(text(in));
        }
        Optional<String> color = in.readBoolean() ? Optional.of(text(in)) : Optional.empty();
        String url = text(in);
        return new StoredEvent(new EventIdentity(uid, resourceName), new EventVersion(etag),
                new CalendarEvent(uid, summary, description, start, end, status, categories, color, url));
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String text(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_TEXT) {
            throw new IOException("damaged: a text of " + length + " bytes");
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new EOFException("cut short");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
