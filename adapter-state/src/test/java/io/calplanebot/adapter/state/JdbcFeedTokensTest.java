package io.calplanebot.adapter.state;

import io.calplanebot.core.domain.Priority;
import io.calplanebot.core.domain.StateGroup;
import io.calplanebot.core.domain.feed.CompletedMode;
import io.calplanebot.core.domain.feed.FeedFilter;
import io.calplanebot.core.domain.feed.FeedName;
import io.calplanebot.core.domain.feed.FeedRecord;
import io.calplanebot.core.domain.feed.TokenHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Feed definitions in the state store, shared by every process that opens it. */
class JdbcFeedTokensTest {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final TokenHash HASH = new TokenHash("a".repeat(64));

    @TempDir
    Path data;

    static FeedRecord feed(String name, TokenHash hash) {
        FeedFilter filter = FeedFilter.everything().withProjects(Set.of("MOB", "web"))
                .withAssignees(Set.of("Ada Lovelace", "ada@example.org")).withLabels(Set.of("bug", "ux\nweird"))
                .withStateGroups(Set.of(StateGroup.STARTED, StateGroup.UNSTARTED))
                .withPriorities(Set.of(Priority.URGENT)).withCompleted(CompletedMode.HIDE);
        return new FeedRecord(new FeedName(name), filter, hash, T0, Optional.empty());
    }

    @Test
    void aFeed_comesBackWithItsWholeFilter_byName_andByItsTokenHash_inAnotherProcessToo() {
        try (JdbcStateStore one = JdbcStateStore.embedded(data); JdbcStateStore other = JdbcStateStore.embedded(data)) {
            assertThat(one.feedTokens().add(feed("team", HASH))).isTrue();

            assertThat(other.feedTokens().list()).containsExactly(feed("team", HASH));
            assertThat(other.feedTokens().findByTokenHash(HASH)).contains(feed("team", HASH));
            assertThat(other.feedTokens().findByTokenHash(new TokenHash("b".repeat(64)))).isEmpty();
        }
    }

    @Test
    void aSecondFeedOfTheSameName_isRefused_andARevokeIsSeenByEveryProcessAtOnce() {
        try (JdbcStateStore one = JdbcStateStore.embedded(data); JdbcStateStore other = JdbcStateStore.embedded(data)) {
            one.feedTokens().add(feed("team", HASH));
            assertThat(other.feedTokens().add(feed("team", new TokenHash("c".repeat(64))))).isFalse();

            assertThat(other.feedTokens().revoke(new FeedName("team"))).isTrue();

            assertThat(one.feedTokens().findByTokenHash(HASH)).isEmpty();
            assertThat(one.feedTokens().revoke(new FeedName("team"))).isFalse();
        }
    }

    @Test
    void anAccess_isNoted_onlyForward_andNeverBringsARevokedFeedBack() {
        try (JdbcStateStore store = JdbcStateStore.embedded(data)) {
            store.feedTokens().add(feed("team", HASH));

            store.feedTokens().recordAccess(new FeedName("team"), T0.plusSeconds(120));
            store.feedTokens().recordAccess(new FeedName("team"), T0.plusSeconds(60));
            assertThat(store.feedTokens().list().get(0).lastAccess()).contains(T0.plusSeconds(120));

            store.feedTokens().revoke(new FeedName("team"));
            store.feedTokens().recordAccess(new FeedName("team"), T0.plusSeconds(180));
            assertThat(store.feedTokens().list()).isEmpty();
        }
    }
}
