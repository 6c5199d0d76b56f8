package io.calplanebot.app.cli;

import io.calplanebot.app.config.ConfigLoader;
import io.calplanebot.adapter.state.JdbcStateStore;
import io.calplanebot.app.feeds.FileFeedTokens;
import io.calplanebot.core.domain.feed.TokenHash;
import io.calplanebot.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class FeedsCommandTest {
    private static final Pattern URL = Pattern.compile("https://cal\\.example\\.com/feeds/([A-Za-z0-9_-]+)\\.ics");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final Map<String, String> env = new HashMap<>();

    private Run run(String... args) {
        env.putIfAbsent("DATA_DIR", dir.resolve("data").toString());
        env.putIfAbsent("PUBLIC_URL", "https://cal.example.com/");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = Cli.commandLine(new ConfigLoader(env, Optional.empty()), clock);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int code = line.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {
    }

    @Test
    void add_printsTheHttpsAndWebcalUrls_andStoresOnlyTheTokensHash() throws Exception {
        Run added = run("feeds", "add", "ana-mob", "--project", "MOB", "--assignee", "ana@example.com",
                "--label", "bug", "--state-group", "started", "--priority", "high", "--completed", "show");

        assertThat(added.code()).as(added.err()).isZero();
        Matcher url = URL.matcher(added.out());
        assertThat(url.find()).as(added.out()).isTrue();
        String token = url.group(1);
        assertThat(added.out()).contains("webcal://cal.example.com/feeds/" + token + ".ics")
                .contains("project=MOB assignee=ana@example.com label=bug state-group=started priority=high"
                        + " completed=show");
        try (JdbcStateStore store = JdbcStateStore.embedded(dir.resolve("data"))) {
            assertThat(store.feedTokens().findByTokenHash(TokenHash.of(token))).isPresent();
        }
        for (String file : new String[] {"state.db", "state.db-wal"}) {
            Path path = dir.resolve("data").resolve(file);
            if (Files.exists(path)) {
                assertThat(new String(Files.readAllBytes(path), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(file).doesNotContain(token);
            }
        }
    }

    @Test
    void add_withoutPlaneOrCalDavSettings_works_andPublicUrlDefaultsToLocalhostAndThePort() {
        env.put("PUBLIC_URL", "");
        env.put("PORT", "9999");

        Run added = run("feeds", "add", "all");

        assertThat(added.code()).as(added.err()).isZero();
        assertThat(added.out()).contains("http://localhost:9999/feeds/").contains("webcal://localhost:9999/feeds/");
    }

    @Test
    void feedsOfAnEarlierVersionsFeedsJson_moveIntoTheStateStore_once_andTheirTokensKeepWorking() throws Exception {
        Path legacy = dir.resolve("data").resolve("feeds.json");
        Files.createDirectories(legacy.getParent());
        TokenHash hash = TokenHash.of("an-old-token");
        new FileFeedTokens(legacy).add(new io.calplanebot.core.domain.feed.FeedRecord(
                new io.calplanebot.core.domain.feed.FeedName("old"), io.calplanebot.core.domain.feed.FeedFilter.everything(),
                hash, clock.instant(), java.util.Optional.empty()));

        Run listed = run("feeds", "list");

        assertThat(listed.code()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("old");
        assertThat(legacy).doesNotExist();
        assertThat(legacy.resolveSibling("feeds.json.imported")).exists();
        try (JdbcStateStore store = JdbcStateStore.embedded(dir.resolve("data"))) {
            assertThat(store.feedTokens().findByTokenHash(hash)).isPresent();
        }
    }

    @Test
    void list_showsNamesFiltersCreatedAndLastAccess_butNeverTheToken() {
        Run added = run("feeds", "add", "ana", "--assignee", "Ana Lima");
        Matcher url = URL.matcher(added.out());
        assertThat(url.find()).isTrue();
        try (JdbcStateStore store = JdbcStateStore.embedded(dir.resolve("data"))) {
            store.feedTokens().recordAccess(new io.calplanebot.core.domain.feed.FeedName("ana"),
                    clock.instant().plusSeconds(3600));
        }
        clock.advance(Duration.ofMinutes(1));
        run("feeds", "add", "zed");

        Run listed = run("feeds", "list");

        assertThat(listed.code()).isZero();
        assertThat(listed.out()).contains("NAME").contains("LAST ACCESS")
                .contains("ana").contains("assignee=Ana Lima completed=cancelled").contains("2026-11-30 10:00Z")
                .contains("2026-11-30 11:00Z").contains("zed").contains("never");
        assertThat(listed.out()).doesNotContain(url.group(1));
    }

    @Test
    void revoke_endsTheFeed_andAnUnknownNameSaysSo() {
        run("feeds", "add", "ana");

        Run revoked = run("feeds", "revoke", "ana");
        Run again = run("feeds", "revoke", "ana");

        assertThat(revoked.code()).isZero();
        assertThat(revoked.out()).contains("revoked");
        assertThat(run("feeds", "list").out()).contains("No feeds yet");
        assertThat(again.code()).isEqualTo(Cli.EXIT_FAILED);
        assertThat(again.err()).contains("no feed named 'ana'");
    }

    @Test
    void badValues_areUsageErrors_andATakenNameIsRefused() {
        assertThat(run("feeds", "add", "Bad Name").code()).isEqualTo(Cli.EXIT_USAGE);
        Run badGroup = run("feeds", "add", "x", "--state-group", "doing");
        assertThat(badGroup.code()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(badGroup.err()).contains("'doing' is not a state group");
        assertThat(run("feeds", "add", "x", "--completed", "maybe").code()).isEqualTo(Cli.EXIT_USAGE);
        run("feeds", "add", "x");

        Run taken = run("feeds", "add", "x");

        assertThat(taken.code()).isEqualTo(Cli.EXIT_FAILED);
        assertThat(taken.err()).contains("exists");
    }

    @Test
    void aBadPublicUrl_isAConfigurationError() {
        env.put("PUBLIC_URL", "cal.example.com");

        Run run = run("feeds", "list");

        assertThat(run.code()).isEqualTo(Cli.EXIT_CONFIG);
        assertThat(run.err()).contains("PUBLIC_URL");
    }
}
