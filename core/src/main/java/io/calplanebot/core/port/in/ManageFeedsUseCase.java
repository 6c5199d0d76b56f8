package io.calplanebot.core.port.in;

import io.calplanebot.core.domain.feed.FeedFilter;
import io.calplanebot.core.domain.feed.FeedName;
import io.calplanebot.core.domain.feed.FeedRecord;

import java.util.List;

/** Adds, lists and revokes subscribable feeds. */
public interface ManageFeedsUseCase {

    /**
     * Makes a feed with a fresh secret token.
     *
     * @throws FeedNameTakenException when a feed of that name exists
     */
    NewFeed add(FeedName name, FeedFilter filter);

    /** Every feed by name, without tokens. */
    List<FeedRecord> list();

    /**
     * Ends a feed at once: its token opens nothing any more.
     *
     * @throws UnknownFeedException when there is no feed of that name
     */
    void revoke(FeedName name);
}
