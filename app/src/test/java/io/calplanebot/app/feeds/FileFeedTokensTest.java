package io.calplanebot.app.feeds;

import io.calplanebot.core.domain.Priority;
import io.calplanebot.core.domain.StateGroup;
import io.calplanebot.core.domain.feed.CompletedMode;
import io.calplanebot.core.domain.feed.FeedFilter;
import io.calplanebot.core.domain.feed.FeedName;
import io.calplanebot.core.domain.feed.FeedRecord;
import io.calplanebot.core.domain.feed.TokenHash;
import io.calplanebot.core.port.out.FeedStorageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileFeedTokensTest {
    private static final Instant MADE = Instant.parse("2026-11-30T10:00:00Z");

    @TempDir
    Path dir;

    private static FeedRecord feed(String name, String token) {
        FeedFilter filter = FeedFilter.project("MOB").withAssignees(Set.of("Ana Lima")).withLabels(Set.of("bug"))
                .withStateGroups(Set.of(StateGroup.STARTED)).withPriorities(Set.of(Priority.HIGH))
                .withCompleted(CompletedMode.SHOW);
        return new FeedRecord(new FeedName(name), filter, TokenHash.of(token), MADE, Optional.empty());
    }

    @Test
    void feeds_roundTripThroughTheFile_withEveryFilterAndTheAccessTime() {
        Path file = dir.resolve("data").resolve("feeds.json");
        FileFeedTokens writer = new FileFeedTokens(file);
        writer.add(feed("ana", "token-a"));
        writer.recordAccess(new FeedName("ana"), MADE.plusSeconds(90));

        FeedRecord read = new FileFeedTokens(file).list().get(0);

        assertThat(read).isEqualTo(feed("ana", "token-a").accessedAt(MADE.plusSeconds(90)));
    }

    @Test
    void theFile_holdsTheTokenHashButNeverTheToken_andOnlyItsOwnerMayReadIt() throws IOException {
        Path file = dir.resolve("feeds.json");
        new FileFeedTokens(file).add(feed("ana", "the-secret-token-123"));

        String content = Files.readString(file);

        assertThat(content).doesNotContain("the-secret-token-123").contains(TokenHash.of("the-secret-token-123").hex());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("feeds.json",
                    "feeds.json.lock");
        }
    }

    @Test
    void findByTokenHash_findsTheFeed_andNothingForAnotherHash() {
        FileFeedTokens tokens = new FileFeedTokens(dir.resolve("feeds.json"));
        tokens.add(feed("ana", "token-a"));
        tokens.add(feed("bo", "token-b"));

        assertThat(tokens.findByTokenHash(TokenHash.of("token-b"))).map(f -> f.name().value()).contains("bo");
        assertThat(tokens.findByTokenHash(TokenHash.of("token-c"))).isEmpty();
    }

    @Test
    void aRevokeByAnotherProcess_isSeenAtTheNextLookup() {
        Path file = dir.resolve("feeds.json");
        FileFeedTokens service = new FileFeedTokens(file);
        FileFeedTokens cli = new FileFeedTokens(file);
        cli.add(feed("ana", "token-a"));
        assertThat(service.findByTokenHash(TokenHash.of("token-a"))).isPresent();

        cli.revoke(new FeedName("ana"));

        assertThat(service.findByTokenHash(TokenHash.of("token-a"))).isEmpty();
    }

    @Test
    void anAccessNoteWrittenAfterARevoke_doesNotBringTheFeedBack() {
        Path file = dir.resolve("feeds.json");
        FileFeedTokens service = new FileFeedTokens(file);
        FileFeedTokens cli = new FileFeedTokens(file);
        cli.add(feed("ana", "token-a"));
        service.list();

        cli.revoke(new FeedName("ana"));
        service.recordAccess(new FeedName("ana"), MADE.plusSeconds(60));

        assertThat(cli.list()).isEmpty();
    }

    @Test
    void addAndRevoke_reportWhetherTheyChangedAnything() {
        FileFeedTokens tokens = new FileFeedTokens(dir.resolve("feeds.json"));

        assertThat(tokens.add(feed("ana", "a"))).isTrue();
        assertThat(tokens.add(feed("ana", "b"))).isFalse();
        assertThat(tokens.revoke(new FeedName("ana"))).isTrue();
        assertThat(tokens.revoke(new FeedName("ana"))).isFalse();
        assertThat(tokens.list()).isEmpty();
    }

    @Test
    void concurrentWriters_loseNoFeed() throws Exception {
        Path file = dir.resolve("feeds.json");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Boolean>> added = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String name = "f" + i;
            FileFeedTokens own = new FileFeedTokens(file);
            added.add(pool.submit(() -> own.add(feed(name, "t-" + name))));
        }
        for (Future<Boolean> each : added) {
            assertThat(each.get(10, TimeUnit.SECONDS)).isTrue();
        }
        pool.shutdown();

        assertThat(new FileFeedTokens(file).list()).hasSize(40);
    }

    @Test
    void aFileThatCannotBeRead_isAnError_neverAnEmptyList() throws IOException {
        Path file = dir.resolve("feeds.json");
        Files.writeString(file, "{\"version\":99,\"feeds\":[]}");

        assertThatThrownBy(() -> new FileFeedTokens(file).list()).isInstanceOf(FeedStorageException.class)
                .hasMessageContaining("version 1");
    }

    @Test
    void noFile_meansNoFeeds() {
        assertThat(new FileFeedTokens(dir.resolve("none").resolve("feeds.json")).list()).isEmpty();
    }
}
