package io.calplanebot.ical;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replaces a cache file of the data directory whole: written beside it under a temporary name, then moved over it,
 * so that a reader finds the old content or the new one, never a mix. Not flushed to the disk: a cache lost in a
 * crash is only read again from its source.
 */
public final class CacheFile {
    private CacheFile() {
    }

    /** What goes into the file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(DataOutputStream out) throws IOException;
    }

    /**
     * The product's version, which the stores write into their cache files: what another version's decoder made is
     * not taken as read.
     */
    public static String productVersion() {
        String version = CacheFile.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    /** Replaces the file with what {@code content} writes. */
    public static void replace(Path file, Content content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp)))) {
                content.writeTo(out);
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
}
