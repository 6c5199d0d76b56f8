package io.calplanebot.core.port.in;

import io.calplanebot.core.domain.feed.FeedRecord;

import java.util.Objects;

/**
 * A feed just made, with its secret token: the only time the token is ever shown.
 *
 * @param token URL-safe, at least 128 random bits
 */
public record NewFeed(FeedRecord feed, String token) {
    public NewFeed {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(token, "token");
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "NewFeed[" + feed + "]";
    }
}
