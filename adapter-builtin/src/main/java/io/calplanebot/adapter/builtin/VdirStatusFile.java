package io.calplanebot.adapter.builtin;

import io.calplanebot.core.domain.EventVersion;
import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.ical.CacheFile;
import io.calplanebot.ical.StoredEventRecords;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the built-in store last read of each event file (its size, modification time, file key, version and decoded
 * event), kept in the data directory when the store closes, so that the next process (a {@code sync} from the
 * command line) neither reads nor decodes a file that has not changed since: a file is taken from here only while
 * its size, modification time and file key are the same. Only a cache: a file that is missing, of another format or
 * version, or damaged is ignored (every file is read once more), and it is replaced whole, atomically.
 */
final class VdirStatusFile {
    static final String NAME = "builtin-status.bin";
    private static final int MAGIC = 0x43504253; // "CPBS"
    private static final int FORMAT = 1;
    private static final int MAX_ENTRIES = 10_000_000;

    private final Path file;
    private final String version;

    /** @param version the product's version: what the decoder of another version made is not taken as read */
    VdirStatusFile(Path file, String version) {
        this.file = file;
        this.version = version;
    }

    /** The event files kept, by calendar folder and file name; none when the file cannot be used. */
    Map<String, Map<String, EventFile>> read() {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT || !StoredEventRecords.text(in).equals(version)) {
                return Map.of();
            }
            Map<String, Map<String, EventFile>> calendars = new HashMap<>();
            int calendarCount = count(in);
            for (int c = 0; c < calendarCount; c++) {
                String folder = StoredEventRecords.text(in);
                int fileCount = count(in);
                Map<String, EventFile> files = new HashMap<>();
                for (int f = 0; f < fileCount; f++) {
                    String name = StoredEventRecords.text(in);
                    String fileKey = StoredEventRecords.text(in);
                    long size = in.readLong();
                    FileTime modified = FileTime.from(in.readLong(), TimeUnit.NANOSECONDS);
                    EventVersion eventVersion = new EventVersion(StoredEventRecords.text(in));
                    StoredEvent stored = StoredEventRecords.read(in, eventVersion);
                    files.put(name, new EventFile(fileKey, size, modified, eventVersion, Optional.of(stored),
                            Optional.empty()));
                }
                calendars.put(folder, files);
            }
            return calendars;
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException | RuntimeException e) {
            return Map.of(); // damaged or cut short: every file is read again, then this is written anew
        }
    }

    /** Replaces the file with the decoded event files of these calendars. */
    void write(Map<String, Map<String, EventFile>> calendars) throws IOException {
        CacheFile.replace(file, out -> {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            StoredEventRecords.text(out, version);
            out.writeInt(calendars.size());
            for (Map.Entry<String, Map<String, EventFile>> calendar : calendars.entrySet()) {
                StoredEventRecords.text(out, calendar.getKey());
                writeFiles(out, calendar.getValue());
            }
        });
    }

    private static void writeFiles(DataOutputStream out, Map<String, EventFile> files) throws IOException {
        Map<String, EventFile> decoded = new HashMap<>(files);
        decoded.values().removeIf(eventFile -> eventFile.stored().isEmpty());
        out.writeInt(decoded.size());
        for (Map.Entry<String, EventFile> entry : decoded.entrySet()) {
            EventFile eventFile = entry.getValue();
            StoredEventRecords.text(out, entry.getKey());
            StoredEventRecords.text(out, String.valueOf(eventFile.fileKey()));
            out.writeLong(eventFile.size());
            out.writeLong(eventFile.modified().to(TimeUnit.NANOSECONDS));
            StoredEventRecords.text(out, eventFile.version().value());
            StoredEventRecords.write(out, eventFile.stored().get());
        }
    }

    private static int count(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > MAX_ENTRIES) {
            throw new IOException("damaged: " + count + " entries");
        }
        return count;
    }
}
