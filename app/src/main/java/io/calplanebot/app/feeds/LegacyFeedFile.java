package io.calplanebot.app.feeds;

import io.calplanebot.core.domain.feed.FeedRecord;
import io.calplanebot.core.port.out.FeedStorageException;
import io.calplanebot.core.port.out.FeedTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Moves the feed definitions of an earlier version's {@code feeds.json} into the state store, once: every feed is
 * added (one whose name the store already has is left as the store has it), then the file is renamed to
 * {@code feeds.json.imported}, so its tokens keep working and nothing is read twice.
 */
public final class LegacyFeedFile {
    private static final Logger LOG = LoggerFactory.getLogger(LegacyFeedFile.class);

    private LegacyFeedFile() {
    }

    public static synchronized void moveInto(FeedTokens store, Path file) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        int added = 0;
        for (FeedRecord feed : new FileFeedTokens(file).list()) {
            added += store.add(feed) ? 1 : 0;
        }
        Path done = file.resolveSibling(file.getFileName() + ".imported");
        try {
            Files.move(file, done, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new FeedStorageException("The feeds of " + file + " were copied into the state store, but the file"
                    + " could not be renamed: " + e.getMessage(), e);
        }
        LOG.info("Moved {} feed definitions from {} into the state store (the file is now {})", added, file, done);
    }
}
