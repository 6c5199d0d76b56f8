package io.calplanebot.app.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The subscribable feeds and the data directory they are kept in. Everything reloads but the data directory.
 *
 * @param dataDirectory  {@code DATA_DIR}: where the built-in store and the feed tokens live
 * @param publicUrl      {@code PUBLIC_URL}: the base URL printed in feed links, without a trailing slash
 * @param allowUntokened {@code FEEDS_ALLOW_UNTOKENED}: serve {@code /feeds/public/{PROJECT}.ics} without a token
 * @param limitPerMinute {@code FEED_RATE_LIMIT_PER_MINUTE}: feed requests per client and minute
 */
public record FeedConfig(Path dataDirectory, URI publicUrl, boolean allowUntokened, int limitPerMinute) {
    public FeedConfig {
        Objects.requireNonNull(dataDirectory, "data directory");
        Objects.requireNonNull(publicUrl, "public URL");
        String text = publicUrl.toString();
        if (text.endsWith("/")) {
            publicUrl = URI.create(text.substring(0, text.length() - 1));
        }
    }

    /** Where the feed definitions (with their token hashes) are kept. */
    public Path tokenFile() {
        return dataDirectory.resolve("feeds.json");
    }
}
