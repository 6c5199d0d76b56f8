package io.calplanebot.app.state;

import io.calplanebot.sample.FakePlane;
import io.calplanebot.sample.PlaneWebhookSender;
import io.calplanebot.sample.SentWebhook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SIGKILL at the worst moments, with the embedded state store. Webhooks that were answered 200 are not lost when
 * the service dies before it applied them: the next process takes them from the inbox in the data directory and
 * applies them (the periodic sync is off, so nothing else could bring the changes). A service killed in the middle
 * of a full sync converges after a restart, with each event once.
 */
class ServiceKilledIT {
    private final FakePlane plane = FakePlane.start();
    private final String secret = PlaneWebhookSender.newSecret();

    @TempDir
    Path dir;

    @AfterEach
    void stopPlane() {
        plane.close();
    }

    private Map<String, String> env(Path data) {
        Map<String, String> env = new HashMap<>();
        env.put("PLANE_BASE_URL", plane.baseUrl());
        env.put("PLANE_API_TOKEN", plane.apiKey());
        env.put("PLANE_WORKSPACE_SLUG", plane.workspaceSlug());
        env.put("PLANE_WEBHOOK_SECRET", secret);
        env.put("HOST", "127.0.0.1");
        env.put("PORT", "0");
        env.put("ENABLE_SYNC", "false");
        env.put("DATA_DIR", data.toString());
        env.put("LOG_DIR", dir.resolve("logs").toString());
        return env;
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aBatchOfWebhooksAnswered200_thenSigkill_isAppliedByTheNextProcess() throws Exception {
        String project = plane.addProject("MOB", "Mobile");
        List<String> issues = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            int n = i;
            issues.add(plane.addIssue(project, draft -> draft.name("Task " + n).targetDate(LocalDate.of(2026, 12, n))));
        }
        Path data = dir.resolve("data");

        try (ServeProcess first = ServeProcess.start("first", env(data))) {
            int port = first.awaitPort();
            // Plane answers the next requests (the first re-read of an issue, a health probe) only after 60 s:
            // every delivery is answered, none is written.
            plane.faults().delayNextResponses(5, Duration.ofSeconds(60));
            try (PlaneWebhookSender sender = new PlaneWebhookSender(
                    URI.create("http://127.0.0.1:" + port + "/webhooks/plane"), secret)) {
                for (int i = 0; i < issues.size(); i++) {
                    String id = issues.get(i);
                    String name = "Renamed " + (i + 1);
                    plane.updateIssue(id, d -> d.name(name));
                    SentWebhook byName = sender.send(plane.webhooks().issueUpdated(id, "name", "Task", name));
                    SentWebhook byPriority = sender.send(plane.webhooks().issueUpdated(id, "priority", "none", "high"));
                    assertThat(byName.status()).isEqualTo(200);
                    assertThat(byPriority.status()).isEqualTo(200);
                }
            }
            // Past the settle time: the service is stuck in its first re-read (Plane answers it after 60 s).
            Thread.sleep(1500);
            first.kill();
        }
        assertThat(summaries(data)).as("nothing was written before the kill").isEmpty();

        plane.faults().clear();
        try (ServeProcess second = ServeProcess.start("second", env(data))) {
            second.awaitPort();
            await().atMost(Duration.ofSeconds(30)).until(() -> summaries(data).size() == 10);
            assertThat(summaries(data)).allMatch(summary -> summary.contains("Renamed"));
            assertThat(second.output()).anyMatch(line -> line.contains("taken over from the inbox: 20"));
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aServiceKilledMidSync_convergesAfterRestart_withEachEventOnce() throws Exception {
        int perProject = 150;
        for (String name : List.of("Mobile", "Web")) {
            String project = plane.addProject(name.substring(0, 3).toUpperCase(java.util.Locale.ROOT), name);
            for (int i = 1; i <= perProject; i++) {
                int n = i;
                plane.addIssue(project, d -> d.name(name + " " + n).targetDate(LocalDate.of(2026, 12, n % 28 + 1)));
            }
        }
        Path data = dir.resolve("data");
        Map<String, String> env = env(data);
        env.put("ENABLE_SYNC", "true");

        int atKill;
        try (ServeProcess first = ServeProcess.start("first", env)) {
            first.awaitPort();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                    .until(() -> summaries(data).size() >= 20);
            first.kill();
            atKill = summaries(data).size();
        }
        assertThat(atKill).as("killed mid-sync").isLessThan(2 * perProject);

        try (ServeProcess second = ServeProcess.start("second", env)) {
            second.awaitPort();
            await().atMost(Duration.ofSeconds(60)).until(() -> summaries(data).size() == 2 * perProject);
            assertThat(uids(data)).as("each event once").hasSize(2 * perProject).doesNotHaveDuplicates();
        }
        System.out.println("killed mid-sync with " + atKill + " of " + 2 * perProject
                + " events written; after the restart all " + 2 * perProject + ", each once");
    }

    /** The SUMMARY of every event file in the built-in store. */
    private static List<String> summaries(Path data) {
        return lines(data, "SUMMARY:");
    }

    private static List<String> uids(Path data) {
        return lines(data, "UID:");
    }

    /** The lines with {@code prefix} of every event file; read again when a file vanished under the writer. */
    private static List<String> lines(Path data, String prefix) {
        for (int attempt = 0; ; attempt++) {
            try {
                return linesOnce(data, prefix);
            } catch (UncheckedIOException | IOException e) {
                if (attempt >= 20) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static List<String> linesOnce(Path data, String prefix) throws IOException {
        Path calendars = data.resolve("calendars");
        if (!Files.isDirectory(calendars)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(calendars)) {
            List<String> found = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".ics")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith(prefix)) {
                        found.add(line.substring(prefix.length()));
                    }
                }
            }
            return found;
        }
    }
}
