package io.calplanebot.core.port.out;

import io.calplanebot.core.domain.feed.FeedName;
import io.calplanebot.core.domain.feed.FeedRecord;
import io.calplanebot.core.domain.feed.TokenHash;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where feed definitions are kept, each with the hash of its token (the token itself is never stored). A feed that
 * is revoked is gone at once for every reader, including another process sharing the storage.
 * Failures are {@link FeedStorageException}s.
 */
public interface FeedTokens {

    /** Stores a new feed; false (and nothing stored) when a feed of that name exists. */
    boolean add(FeedRecord feed);

    /** The feed whose token has this hash; implementations compare hashes with {@link TokenHash#sameAs}. */
    Optional<FeedRecord> findByTokenHash(TokenHash hash);

    /** Every feed, by name. */
    List<FeedRecord> list();

    /** Removes the feed; false when there was none of that name. */
    boolean revoke(FeedName name);

    /** Notes that a subscriber fetched the feed; a feed revoked meanwhile stays revoked. */
    void recordAccess(FeedName name, Instant when);
}
