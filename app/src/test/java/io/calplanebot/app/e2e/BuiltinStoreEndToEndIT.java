package io.calplanebot.app.e2e;

import io.calplanebot.sample.FakePlane;
import io.calplanebot.sample.PlaneWebhookSender;
import io.calplanebot.app.CalPlaneBotService;
import io.calplanebot.app.config.AppConfig;
import io.calplanebot.app.config.ConfigLoader;
import io.calplanebot.core.port.in.RunResult;
import io.calplanebot.core.port.in.SyncReport;
import io.calplanebot.core.port.in.TargetReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real service with no CalDAV server configured: it starts, mirrors Plane into the built-in store in the data
 * directory, a signed webhook moves an event there, status and health show the one target, and a feed added with
 * {@code feeds add} serves the event.
 */
class BuiltinStoreEndToEndIT {
    private FakePlane plane;
    private CalPlaneBotService service;
    private PlaneWebhookSender sender;

    @AfterEach
    void stop() throws IOException {
        if (service != null) {
            service.close();
        }
        if (sender != null) {
            sender.close();
        }
        if (plane != null) {
            plane.close();
        }
    }

    @Test
    void withoutCalDav_theServiceMirrorsIntoTheBuiltInStore_andWebhooksMoveItsEvents() throws Exception {
        plane = FakePlane.start("builtin-team");
        String project = plane.addProject("LOC", "Local only");
        String issue = plane.addIssue(project, d -> d.name("Ship it").targetDate(LocalDate.of(2027, 3, 1)));
        plane.addIssue(project, d -> d.name("Undated"));
        Path data = Files.createTempDirectory("calplanebot-builtin-data");
        String secret = PlaneWebhookSender.newSecret();
        Map<String, String> env = BuiltinStoreEnvironment.of(plane, secret, data);
        ConfigLoader loader = new ConfigLoader(env, Optional.empty());
        AppConfig config = loader.load();
        assertThat(config.calDav()).isEmpty();

        service = CalPlaneBotService.start(config, loader, Clock.systemUTC());
        await().atMost(Duration.ofSeconds(30)).until(() -> service.wiring().engine().status().status().lastRun()
                .isPresent());
        SyncReport first = service.wiring().engine().status().status().lastRun().orElseThrow();
        assertThat(first.result()).isEqualTo(RunResult.SUCCESS);
        assertThat(first.targets()).extracting(TargetReport::target).containsExactly("builtin");
        Path event = data.resolve("calendars").resolve("plane-" + project).resolve("plane-issue-" + issue + ".ics");
        assertThat(event).exists();
        assertThat(Files.readString(event)).contains("SUMMARY:[1] Ship it", "DTSTART;VALUE=DATE:20270301");

        plane.setTargetDate(issue, LocalDate.of(2027, 4, 2));
        sender = new PlaneWebhookSender(URI.create("http://127.0.0.1:" + service.port() + "/webhooks/plane"), secret);
        assertThat(sender.send(plane.webhooks().issueUpdated(issue, "target_date", "2027-03-01", "2027-04-02"))
                .status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> Files.readString(event).contains("DTSTART;VALUE=DATE:20270402"));

        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + service.port() + "/api/v1/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("\"targets\":{\"builtin\":\"healthy\"}");

        String url = BuiltinStoreEnvironment.addFeed(env, service.port(), "team", "--project", "LOC");
        HttpResponse<String> feed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/calendar"));
        assertThat(feed.body()).contains("UID:plane-issue-" + issue + "@calplanebot", "SUMMARY:[1] Ship it",
                "DTSTART;VALUE=DATE:20270402").doesNotContain("Undated");
    }
}
