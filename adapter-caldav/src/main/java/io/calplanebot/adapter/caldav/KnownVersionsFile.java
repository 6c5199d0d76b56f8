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
import java.util.HashMap;
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
    private static final int FORMAT = 2; // 2: the issue facts too (StoredEventRecords)

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
            if (in.readInt() != MAGIC || in.readInt() != FORMAT || !StoredEventRecords.text(in).equals(version)
                    || !StoredEventRecords.text(in).equals(account)) {
                return Map.of();
            }
            int count = in.readInt();
            Map<URI, KnownVersions.Known> entries = new HashMap<>();
            for (int i = 0; i < count; i++) {
                URI href = URI.create(StoredEventRecords.text(in));
                String etag = StoredEventRecords.text(in);
                Optional<StoredEvent> owned = in.readBoolean() ? Optional.of(StoredEventRecords.read(in, new EventVersion(etag))) : Optional.empty();
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
        });
    }
}
