package io.calplanebot.core.testing;

import io.calplanebot.core.domain.feed.FeedName;
import io.calplanebot.core.domain.feed.FeedRecord;
import io.calplanebot.core.domain.feed.TokenHash;
import io.calplanebot.core.port.out.FeedTokens;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Feed definitions in memory, by name; counts the access notes so tests can see how often they are written. */
public final class InMemoryFeedTokens implements FeedTokens {
    private final Map<String, FeedRecord> feeds = new TreeMap<>();
    private int accessWrites;

    @Override
    public synchronized boolean add(FeedRecord feed) {
        return feeds.putIfAbsent(feed.name().value(), feed) == null;
    }

    @Override
    public synchronized Optional<FeedRecord> findByTokenHash(TokenHash hash) {
        FeedRecord found = null;
        for (FeedRecord feed : feeds.values()) {
            if (feed.tokenHash().sameAs(hash)) {
                found = feed;
            }
        }
        return Optional.ofNullable(found);
    }

    @Override
    public synchronized List<FeedRecord> list() {
        return List.copyOf(feeds.values());
    }

    @Override
    public synchronized boolean revoke(FeedName name) {
        return feeds.remove(name.value()) != null;
    }

    @Override
    public synchronized void recordAccess(FeedName name, Instant when) {
        feeds.computeIfPresent(name.value(), (key, feed) -> feed.accessedAt(when));
        accessWrites++;
    }

    public synchronized int accessWrites() {
        return accessWrites;
    }
}
