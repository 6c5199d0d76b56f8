package io.calplanebot.app.feeds;

import io.calplanebot.core.domain.feed.FeedName;
import io.calplanebot.core.domain.feed.FeedRecord;
import io.calplanebot.core.domain.feed.TokenHash;
import io.calplanebot.core.port.out.FeedStorageException;
import io.calplanebot.core.port.out.FeedTokens;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Feed definitions in one JSON file ({@link FeedFile}) that the {@code feeds} command and the running service share.
 * Every write takes an exclusive lock on a side file, reads the file afresh, changes it and replaces it atomically
 * (temporary file in the same folder, fsync, rename, fsync of the folder), so two processes never lose each other's
 * changes and a crash leaves the old or the new file, never half of one. Reads use a copy that is read again as
 * soon as the file changed (another inode, size or modification time), so a revoke in another process applies to
 * the next request. The file is readable by its owner only.
 */
public final class FileFeedTokens implements FeedTokens {
    /** File locks belong to the whole process, so writers in this process also take turns on one monitor. */
    private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final Path lockFile;
    private Snapshot cached;

    public FileFeedTokens(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
    }

    @Override
    public boolean add(FeedRecord feed) {
        boolean[] added = new boolean[1];
        change(feeds -> {
            if (feeds.stream().anyMatch(f -> f.name().equals(feed.name()))) {
                return feeds;
            }
            added[0] = true;
            List<FeedRecord> next = new ArrayList<>(feeds);
            next.add(feed);
            return next;
        });
        return added[0];
    }

    @Override
    public Optional<FeedRecord> findByTokenHash(TokenHash hash) {
        FeedRecord found = null;
        for (FeedRecord feed : current()) {
            if (feed.tokenHash().sameAs(hash)) {
                found = feed;
            }
        }
        return Optional.ofNullable(found);
    }

    @Override
    public List<FeedRecord> list() {
        List<FeedRecord> feeds = new ArrayList<>(current());
        feeds.sort(Comparator.comparing(f -> f.name().value()));
        return feeds;
    }

    @Override
    public boolean revoke(FeedName name) {
        boolean[] removed = new boolean[1];
        change(feeds -> {
            List<FeedRecord> next = new ArrayList<>(feeds);
            removed[0] = next.removeIf(f -> f.name().equals(name));
            return next;
        });
        return removed[0];
    }

    @Override
    public void recordAccess(FeedName name, Instant when) {
        change(feeds -> {
            List<FeedRecord> next = new ArrayList<>();
            feeds.forEach(f -> next.add(f.name().equals(name) ? f.accessedAt(when) : f));
            return next;
        });
    }

    /** The feeds as the file holds them now, read again only when it changed. */
    private synchronized List<FeedRecord> current() {
        try {
            Optional<Stamp> stamp = Stamp.of(file);
            if (cached != null && cached.stamp().equals(stamp)) {
                return cached.feeds();
            }
            List<FeedRecord> feeds = stamp.isEmpty() ? List.of() : FeedFile.read(Files.readAllBytes(file));
            cached = new Snapshot(stamp, List.copyOf(feeds));
            return cached.feeds();
        } catch (NoSuchFileException e) {
            cached = null;
            return List.of();
        } catch (IOException e) {
            throw new FeedStorageException("Cannot read the feed definitions in " + file + ": " + e.getMessage(), e);
        }
    }

    private void change(UnaryOperator<List<FeedRecord>> edit) {
        Object inThisProcess = LOCKS.computeIfAbsent(lockFile, path -> new Object());
        try {
            Files.createDirectories(file.getParent());
            synchronized (inThisProcess) {
                try (FileChannel lock = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock held = lock.lock()) {
                    edit(edit);
                }
            }
        } catch (IOException e) {
            throw new FeedStorageException("Cannot write the feed definitions in " + file + ": " + e.getMessage(), e);
        }
    }

    private synchronized void edit(UnaryOperator<List<FeedRecord>> edit) throws IOException {
        cached = null;
        List<FeedRecord> before = current();
        List<FeedRecord> after = edit.apply(before);
        if (!after.equals(before)) {
            replace(FeedFile.write(after));
        }
    }

    private void replace(byte[] content) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            ownerOnly(temp);
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            syncFolder();
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void syncFolder() {
        try (FileChannel folder = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException e) {
            // some file systems cannot open a folder for syncing; the rename itself is atomic there too
        }
    }

    private static void ownerOnly(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | FileSystemException e) {
            // not a POSIX file system: the folder's own permissions apply
        }
    }

    /** What tells one version of the file from the next: its inode (changed by every rename), size and time. */
    private record Stamp(Object fileKey, long size, Instant modified) {
        static Optional<Stamp> of(Path file) throws IOException {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return Optional.of(new Stamp(attributes.fileKey(), attributes.size(),
                        attributes.lastModifiedTime().toInstant()));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
        }
    }

    private record Snapshot(Optional<Stamp> stamp, List<FeedRecord> feeds) {
    }
}
