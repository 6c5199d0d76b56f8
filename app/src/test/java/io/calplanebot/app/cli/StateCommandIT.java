package io.calplanebot.app.cli;

import io.calplanebot.adapter.builtin.VdirCalendarStore;
import io.calplanebot.adapter.state.DatabaseUrl;
import io.calplanebot.adapter.state.JdbcStateStore;
import io.calplanebot.adapter.state.testing.PostgresCluster;
import io.calplanebot.app.config.ConfigLoader;
import io.calplanebot.core.domain.state.InboxDelivery;
import io.calplanebot.core.domain.webhook.RawWebhook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code calplanebot state export|import}: moving the embedded state to PostgreSQL, as docs/operations.md says. */
class StateCommandIT {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> env, String... args) {
        CommandLine line = Cli.commandLine(new ConfigLoader(env, Optional.empty()), Clock.systemUTC());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    private Map<String, String> embedded() {
        Map<String, String> env = new HashMap<>();
        env.put("DATA_DIR", dir.resolve("data").toString());
        return env;
    }

    @Test
    void theEmbeddedState_exportedAndImportedIntoPostgres_keepsAnUnappliedDelivery() throws Exception {
        Instant now = Instant.parse("2026-11-30T10:00:00Z");
        try (JdbcStateStore store = JdbcStateStore.embedded(dir.resolve("data"))) {
            store.inbox().store(RawWebhook.of(Map.of("X-Plane-Event", "issue"),
                    "{\"unapplied\":true}".getBytes(StandardCharsets.UTF_8)), "issue:a", Optional.empty(), now);
            store.appliedChanges().recordApplied("issue:b", now);
        }
        Path file = dir.resolve("state.txt");

        assertThat(run(embedded(), "state", "export", file.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Exported 1 webhook deliveries (1 not applied yet), 1 applied versions");

        try (PostgresCluster postgres = PostgresCluster.start()) {
            String url = postgres.databaseUrl(postgres.newDatabase());
            Map<String, String> env = embedded();
            env.put("DATABASE_URL", url);
            assertThat(run(env, "state", "import", file.toString())).as(err.toString()).isZero();
            assertThat(out.toString()).contains("Imported 1 webhook deliveries (1 not applied yet)")
                    .doesNotContain("password");
            try (JdbcStateStore target = JdbcStateStore.postgres(DatabaseUrl.parse(url), 2)) {
                List<InboxDelivery> open = target.inbox().takeOver("x", now.plusSeconds(60), now.plusSeconds(60),
                        now.plusSeconds(120), 10);
                assertThat(open).hasSize(1);
                assertThat(new String(open.get(0).webhook().body(), StandardCharsets.UTF_8))
                        .isEqualTo("{\"unapplied\":true}");
                assertThat(target.appliedChanges().lastApplied("issue:b")).contains(now);
            }
        }
    }

    @Test
    void exportingTheEmbeddedStateWhileTheServiceRuns_isRefused_namingTheProcess() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        try (VdirCalendarStore running = VdirCalendarStore.open(dir.resolve("data"), Clock.systemUTC())) {
            int code = run(embedded(), "state", "export", dir.resolve("x.txt").toString());

            assertThat(code).isEqualTo(Cli.EXIT_FAILED);
            assertThat(err.toString()).contains("in use by another CalPlaneBot process").contains("Stop the service");
            assertThat(dir.resolve("x.txt")).doesNotExist();
        }
    }

    @Test
    void importingAFileThatIsNotAnExport_failsClearly() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "hello\n");

        assertThat(run(embedded(), "state", "import", file.toString())).isEqualTo(Cli.EXIT_FAILED);
        assertThat(err.toString()).contains("not a CalPlaneBot state export");
    }

    @Test
    void aDatabaseUrlThatIsNotPostgres_isAConfigurationError_thatDoesNotRepeatThePassword() {
        Map<String, String> env = embedded();
        env.put("DATABASE_URL", "mysql://bot:hunter2@db/x");

        assertThat(run(env, "state", "export", dir.resolve("x.txt").toString())).isEqualTo(Cli.EXIT_CONFIG);
        assertThat(err.toString()).contains("DATABASE_URL").doesNotContain("hunter2");
    }
}
