package io.calplanebot.adapter.builtin;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Crash-safe file writes: the bytes go to a temporary file in the target's folder, which is flushed to disk, then
 * renamed over the target in one atomic step, and the folder itself is flushed so that the rename survives a power
 * cut. At every instant the target holds either the whole old content or the whole new one. A crash before the
 * rename leaves only a temporary file ({@code .<name>.<random>.tmp}), which listings ignore and
 * {@link #removeLeftovers} deletes.
 */
final class AtomicFiles {
    private static final String TEMP_SUFFIX = ".tmp";
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("win");

    private AtomicFiles() {
    }

    /** Replaces (or creates) the target with exactly these bytes. */
    static void write(Path target, byte[] bytes) throws IOException {
        Path folder = target.getParent();
        Path temp = folder.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current()
                .nextLong() & Long.MAX_VALUE) + TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        syncFolder(folder);
    }

    /** Deletes the file and makes the deletion durable. */
    static void delete(Path target) throws IOException {
        Files.delete(target);
        syncFolder(target.getParent());
    }

    /** Creates the folder (and its parents) if missing, durably. */
    static void createFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
            syncFolder(folder.getParent());
        }
    }

    /** Whether a file name is one of our temporary files. */
    static boolean isTemporary(String name) {
        return name.startsWith(".") && name.endsWith(TEMP_SUFFIX);
    }

    /** Deletes the temporary files a crash left in the folder; returns their names. */
    static List<String> removeLeftovers(Path folder) throws IOException {
        List<String> removed = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (isTemporary(name) && Files.isRegularFile(entry)) {
                    Files.deleteIfExists(entry);
                    removed.add(name);
                }
            }
        }
        if (!removed.isEmpty()) {
            syncFolder(folder);
        }
        return removed;
    }

    /** Flushes a folder's entries (renames, deletions) to disk. Windows cannot open a folder for this. */
    static void syncFolder(Path folder) throws IOException {
        if (WINDOWS) {
            return;
        }
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
