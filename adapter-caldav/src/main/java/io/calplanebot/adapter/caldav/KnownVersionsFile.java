package io.calplanebot.adapter.caldav;

import io.calplanebot.core.domain.EventVersion;
import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.ical.CacheFile;
import io.calplanebot.ical.StoredEventRecords;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link KnownVersions} and {@link ListedCalendars} kept in a file of the data directory, so that the next process (a {@code sync} from the
 * command line) lists a calendar without fetching what it already knows. Only a cache: a file that is missing, of
 * another format or version, or damaged is ignored (everything is fetched once more), and it is replaced whole
 * (written beside, then moved) so that a crash leaves the old one or the new one.
 */
final class KnownVersionsFile {
    private static final int MAGIC = 0x43504256; // "CPBV"
    private static final int FORMAT = 3; // 2: the issue facts too (StoredEventRecords); 3: the calendars' sync tokens

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

    /** What is kept for {@code account}, or nothing when the file cannot be used. */
    SyncStatus read(String account) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT || !StoredEventRecords.text(in).equals(version)
                    || !StoredEventRecords.text(in).equals(account)) {
                return SyncStatus.NONE;
            }
            int count = in.readInt();
            Map<URI, KnownVersions.Known> entries = new HashMap<>();
            for (int i = 0; i < count; i++) {
                URI href = URI.create(StoredEventRecords.text(in));
                String etag = StoredEventRecords.text(in);
                Optional<StoredEvent> owned = in.readBoolean() ? Optional.of(StoredEventRecords.read(in, new EventVersion(etag))) : Optional.empty();
                entries.put(href, new KnownVersions.Known(etag, owned));
            }
            int calendars = in.readInt();
            Map<URI, ListedCalendar> listed = new HashMap<>();
            for (int i = 0; i < calendars; i++) {
                URI calendar = URI.create(StoredEventRecords.text(in));
                String token = StoredEventRecords.text(in);
                Instant wholeListingAt = Instant.ofEpochMilli(in.readLong());
                int members = in.readInt();
                Map<URI, String> etags = new HashMap<>();
                for (int m = 0; m < members; m++) {
                    etags.put(URI.create(StoredEventRecords.text(in)), StoredEventRecords.text(in));
                }
                listed.put(calendar, new ListedCalendar(token, wholeListingAt, etags));
            }
            if (in.read() != -1) {
                return SyncStatus.NONE; // not a file this writer made
            }
            return new SyncStatus(entries, listed);
        } catch (NoSuchFileException e) {
            return SyncStatus.NONE;
        } catch (IOException | RuntimeException e) {
            return SyncStatus.NONE; // damaged or cut short: fetched again, then written anew
        }
    }

    /** Replaces the file with this status of {@code account}. */
    void write(String account, SyncStatus status) throws IOException {
        Map<URI, KnownVersions.Known> entries = status.known();
        CacheFile.replace(file, out -> {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            StoredEventRecords.text(out, version);
            StoredEventRecords.text(out, account);
            out.writeInt(entries.size());
            for (Map.Entry<URI, KnownVersions.Known> entry : entries.entrySet()) {
                StoredEventRecords.text(out, entry.getKey().toString());
                StoredEventRecords.text(out, entry.getValue().etag());
                Optional<StoredEvent> owned = entry.getValue().owned();
                out.writeBoolean(owned.isPresent());
                if (owned.isPresent()) {
                    StoredEventRecords.write(out, owned.get());
                }
            }
            out.writeInt(status.calendars().size());
            for (Map.Entry<URI, ListedCalendar> calendar : status.calendars().entrySet()) {
                StoredEventRecords.text(out, calendar.getKey().toString());
                StoredEventRecords.text(out, calendar.getValue().syncToken());
                out.writeLong(calendar.getValue().wholeListingAt().toEpochMilli());
                out.writeInt(calendar.getValue().members().size());
                for (Map.Entry<URI, String> member : calendar.getValue().members().entrySet()) {
                    StoredEventRecords.text(out, member.getKey().toString());
                    StoredEventRecords.text(out, member.getValue());
                }
            }
        });
    }
}
