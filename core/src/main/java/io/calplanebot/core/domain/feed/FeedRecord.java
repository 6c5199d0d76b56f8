package io.calplanebot.core.domain.feed;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A feed as it is stored: its name and filter, the hash of its token (never the token), when it was made and when a
 * subscriber last fetched it.
 */
public record FeedRecord(FeedName name, FeedFilter filter, TokenHash tokenHash, Instant created,
                         Optional<Instant> lastAccess) {
    public FeedRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(tokenHash, "token hash");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(lastAccess, "last access");
    }

    public FeedRecord accessedAt(Instant when) {
        return new FeedRecord(name, filter, tokenHash, created, Optional.of(when));
    }

    /** Never shows the token hash. */
    @Override
    public String toString() {
        return "FeedRecord[name=" + name + ", filter=" + filter.describe() + ", created=" + created
                + ", lastAccess=" + lastAccess.map(Instant::toString).orElse("never") + "]";
    }
}
