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
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A webhook that was answered 200 is not lost when the service is killed with SIGKILL before it applied it: the
 * next process takes it from the inbox in the data directory and applies it. The periodic sync is off, so nothing
 * else could bring the change.
 */
class AcknowledgedWebhookSurvivesKillIT {
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
    void aWebhookAnswered200_thenSigkill_isAppliedByTheNextProcess() throws Exception {
        String project = plane.addProject("MOB", "Mobile");
        String issue = plane.addIssue(project, draft -> draft.name("Ship the release").targetDate(
                LocalDate.of(2026, 12, 18)));
        Path data = dir.resolve("data");

        try (ServeProcess first = ServeProcess.start("first", env(data))) {
            int port = first.awaitPort();
            // The service's re-read of the issue hangs: the delivery is answered, then stuck before its write.
            plane.faults().delayNextResponses(1, Duration.ofSeconds(60));
            plane.clearRequests();
            SentWebhook sent;
            try (PlaneWebhookSender sender = new PlaneWebhookSender(
                    URI.create("http://127.0.0.1:" + port + "/webhooks/plane"), secret)) {
                sent = sender.send(plane.webhooks().issueUpdated(issue, "name", "Ship", "Ship the release"));
            }
            assertThat(sent.status()).isEqualTo(200);
            // Past the settle time: the service is stuck in its re-read of the issue (Plane answers it after 60 s).
            Thread.sleep(1500);
            first.kill();
        }
        assertThat(eventFiles(data)).as("nothing was written before the kill").isZero();

        plane.faults().clear();
        try (ServeProcess second = ServeProcess.start("second", env(data))) {
            second.awaitPort();
            await().atMost(Duration.ofSeconds(30)).until(() -> eventFiles(data) == 1);
            assertThat(second.output()).anyMatch(line -> line.contains("taken over"));
        }
    }

    private static long eventFiles(Path data) {
        Path calendars = data.resolve("calendars");
        if (!Files.isDirectory(calendars)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(calendars)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".ics")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
