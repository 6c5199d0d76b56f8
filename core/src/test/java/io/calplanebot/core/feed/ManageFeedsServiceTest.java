package io.calplanebot.core.feed;

import io.calplanebot.core.domain.feed.FeedFilter;
import io.calplanebot.core.domain.feed.FeedName;
import io.calplanebot.core.domain.feed.FeedRecord;
import io.calplanebot.core.domain.feed.TokenHash;
import io.calplanebot.core.port.in.FeedNameTakenException;
import io.calplanebot.core.port.in.NewFeed;
import io.calplanebot.core.port.in.UnknownFeedException;
import io.calplanebot.core.testing.InMemoryFeedTokens;
import io.calplanebot.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManageFeedsServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private final InMemoryFeedTokens tokens = new InMemoryFeedTokens();
    private final ManageFeedsService manage = new ManageFeedsService(tokens, new SecureRandom(), new MutableClock(NOW));

    @Test
    void add_returnsAUrlSafeTokenOfAtLeast128RandomBits_andStoresOnlyItsHash() {
        NewFeed feed = manage.add(new FeedName("ana"), FeedFilter.project("MOB"));

        assertThat(feed.token()).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(feed.token()).length * 8).isGreaterThanOrEqualTo(128);
        FeedRecord stored = tokens.list().get(0);
        assertThat(stored.tokenHash()).isEqualTo(TokenHash.of(feed.token()));
        assertThat(stored.toString()).doesNotContain(feed.token()).doesNotContain(stored.tokenHash().hex());
        assertThat(feed.toString()).doesNotContain(feed.token());
        assertThat(stored.created()).isEqualTo(NOW);
        assertThat(stored.lastAccess()).isEmpty();
    }

    @Test
    void tokens_areDifferentEveryTime() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            seen.add(manage.add(new FeedName("f" + i), FeedFilter.everything()).token());
        }

        assertThat(seen).hasSize(50);
    }

    @Test
    void add_underATakenName_isRefused_andKeepsTheFirstFeed() {
        NewFeed first = manage.add(new FeedName("ana"), FeedFilter.everything());

        assertThatThrownBy(() -> manage.add(new FeedName("ana"), FeedFilter.project("MOB")))
                .isInstanceOf(FeedNameTakenException.class).hasMessageContaining("'ana'");
        assertThat(manage.list()).extracting(FeedRecord::tokenHash).containsExactly(TokenHash.of(first.token()));
    }

    @Test
    void list_showsEveryFeedByName() {
        manage.add(new FeedName("zed"), FeedFilter.everything());
        manage.add(new FeedName("ana"), FeedFilter.project("MOB"));

        assertThat(manage.list()).extracting(f -> f.name().value()).containsExactly("ana", "zed");
    }

    @Test
    void revoke_removesTheFeed_andAnUnknownNameIsATypedError() {
        manage.add(new FeedName("ana"), FeedFilter.everything());

        manage.revoke(new FeedName("ana"));

        assertThat(manage.list()).isEmpty();
        assertThatThrownBy(() -> manage.revoke(new FeedName("ana"))).isInstanceOf(UnknownFeedException.class);
    }
}
