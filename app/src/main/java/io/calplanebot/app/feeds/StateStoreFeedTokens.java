package io.calplanebot.app.feeds;

import io.calplanebot.adapter.state.JdbcStateStore;
import io.calplanebot.app.config.StateConfig;
import io.calplanebot.app.wiring.Adapters;
import io.calplanebot.core.domain.feed.FeedName;
import io.calplanebot.core.domain.feed.FeedRecord;
import io.calplanebot.core.domain.feed.TokenHash;
import io.calplanebot.core.port.out.FeedStorageException;
import io.calplanebot.core.port.out.FeedTokens;
import io.calplanebot.core.port.out.StateStoreException;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The feed definitions of the configured state store for a one-shot command ({@code calplanebot feeds …}): each
 * call opens the store (PostgreSQL, or the embedded database in the data directory, which the running service may
 * have open at the same time), works and closes it again. Feeds from a {@code feeds.json} of an earlier version are
 * moved into the store on first use.
 */
public final class StateStoreFeedTokens implements FeedTokens {
    private final StateConfig state;
    private final Path dataDirectory;
    private final Path legacyFile;

    public StateStoreFeedTokens(StateConfig state, Path dataDirectory, Path legacyFile) {
        this.state = state;
        this.dataDirectory = dataDirectory;
        this.legacyFile = legacyFile;
    }

    private <T> T with(Function<FeedTokens, T> work) {
        try (JdbcStateStore store = Adapters.stateStore(state, dataDirectory, 2)) {
            LegacyFeedFile.moveInto(store.feedTokens(), legacyFile);
            return work.apply(store.feedTokens());
        } catch (StateStoreException e) {
            throw new FeedStorageException(e.getMessage(), e);
        }
    }

    @Override
    public boolean add(FeedRecord feed) {
        return with(tokens -> tokens.add(feed));
    }

    @Override
    public Optional<FeedRecord> findByTokenHash(TokenHash hash) {
        return with(tokens -> tokens.findByTokenHash(hash));
    }

    @Override
    public List<FeedRecord> list() {
        return with(FeedTokens::list);
    }

    @Override
    public boolean revoke(FeedName name) {
        return with(tokens -> tokens.revoke(name));
    }

    @Override
    public void recordAccess(FeedName name, Instant when) {
        with(tokens -> {
            tokens.recordAccess(name, when);
            return null;
        });
    }
}
