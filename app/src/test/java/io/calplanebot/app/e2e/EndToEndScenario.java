package io.calplanebot.app.e2e;

import io.calplanebot.adapter.caldav.AuthType;
import io.calplanebot.adapter.caldav.testing.CalDavServer;
import io.calplanebot.adapter.caldav.testing.CalDavServerKind;
import io.calplanebot.adapter.caldav.testing.CalDavServers;
import io.calplanebot.sample.FakePlane;
import io.calplanebot.sample.PlaneWebhookSender;
import io.calplanebot.sample.SentWebhook;
import io.calplanebot.app.CalPlaneBotService;
import io.calplanebot.app.cli.Cli;
import io.calplanebot.app.config.AppConfig;
import io.calplanebot.app.config.ConfigLoader;
import io.calplanebot.app.logging.LogSetup;
import io.calplanebot.core.port.in.RunSyncCommand;
import io.calplanebot.core.port.in.SyncReport;
import io.calplanebot.core.port.in.TargetReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The product end to end: the real service (the code {@code calplanebot serve} runs) on a random port, the fake
 * Plane, and a real CalDAV server started by the project's launch code. The calendar is checked with plain HTTP.
 * The tests run in order and share one world, as a person using the product would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class EndToEndScenario {
    private final CalDavServerKind kind;
    private final AuthType auth;

    private FakePlane plane;
    private CalDavServer server;
    private CalPlaneBotService service;
    private ConfigLoader loader;
    private PlaneWebhookSender sender;
    private PlainCalDav dav;
    private Path logDir;
    private String secret;
    private String projectId;
    private String calendarUrl;
    private String datedIssue;
    private String undatedIssue;
    private String doneIssue;
    private String foreignUrl;
    private String foreignEtag;

    EndToEndScenario(CalDavServerKind kind, AuthType auth) {
        this.kind = kind;
        this.auth = auth;
    }

    @BeforeAll
    void startEverything() throws IOException {
        server = CalDavServers.startOrSkip(kind, auth);
        plane = FakePlane.start("e2e-team");
        projectId = plane.addProject("E2E", "End to End 🚀");
        datedIssue = plane.addIssue(projectId, d -> d.name("Ship the release").targetDate(LocalDate.of(2026, 12, 24))
                .labels("release", "backend").priority("high")
                .descriptionHtml("<p>Build <strong>and</strong> publish</p><ul><li>jar</li><li>docs</li></ul>"));
        undatedIssue = plane.addIssue(projectId, d -> d.name("Someday, maybe"));
        doneIssue = plane.addIssue(projectId, d -> d.name("Finished thing").targetDate(LocalDate.of(2026, 12, 1))
                .state("Done"));
        secret = PlaneWebhookSender.newSecret();
        logDir = Files.createTempDirectory("calplanebot-e2e-logs");
        loader = new ConfigLoader(environment(), Optional.empty());
        AppConfig config = loader.load();
        LogSetup.configure(config.log(), true, true);
        service = CalPlaneBotService.start(config, loader, Clock.systemUTC());
        sender = new PlaneWebhookSender(URI.create("http://127.0.0.1:" + service.port() + "/webhooks/plane"), secret);
        dav = new PlainCalDav(server.calendarHomeUrl(), server.user(), server.password());
        String home = server.calendarHomeUrl();
        calendarUrl = home + (home.endsWith("/") ? "" : "/") + "plane-" + projectId + "/";
    }

    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("PLANE_BASE_URL", plane.baseUrl());
        env.put("PLANE_API_TOKEN", plane.apiKey());
        env.put("PLANE_WORKSPACE_SLUG", plane.workspaceSlug());
        env.put("PLANE_WEB_URL", "https://plane.acme.test");
        env.put("PLANE_WEBHOOK_SECRET", secret);
        env.put("CALDAV_URL", server.baseUrl());
        env.put("CALDAV_USERNAME", server.user());
        env.put("CALDAV_PASSWORD", server.password());
        env.put("CALDAV_AUTH_TYPE", auth.name().toLowerCase(java.util.Locale.ROOT));
        env.put("SYNC_INTERVAL_SECONDS", "3600");
        env.put("HOST", "127.0.0.1");
        env.put("PORT", "0");
        env.put("LOG_DIR", logDir.toString());
        env.put("DATA_DIR", logDir.resolveSibling("data-" + UUID.randomUUID()).toString());
        return env;
    }

    @AfterAll
    void stopEverything() throws IOException {
        if (service != null) {
            service.close();
        }
        if (sender != null) {
            sender.close();
        }
        if (dav != null) {
            dav.close();
        }
        if (plane != null) {
            plane.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private String eventUrl(String issueId) {
        return calendarUrl + "plane-issue-" + issueId + ".ics";
    }

    private String event(String issueId) throws IOException {
        PlainCalDav.Answer answer = dav.get(eventUrl(issueId));
        return answer.status() == 200 ? unfold(answer.body()) : "";
    }

    private static String unfold(String ics) {
        return ics.replace("\r\n ", "").replace("\r\n\t", "").replace("\n ", "");
    }

    private SyncReport awaitFirstSync() {
        await().atMost(Duration.ofSeconds(60)).until(() -> service.wiring().engine().status().status().lastRun()
                .isPresent() && !service.wiring().engine().fullSync().isRunning());
        return service.wiring().engine().status().status().lastRun().orElseThrow();
    }

    @Test
    @Order(1)
    void initialSync_createsAnEventForEveryDatedIssueAndNothingElse() throws IOException {
        SyncReport first = awaitFirstSync();

        assertThat(first.result().wireName()).as("errors %s", first.errors()).isEqualTo("success");
        String dated = event(datedIssue);
        assertThat(dated).contains("UID:plane-issue-" + datedIssue + "@calplanebot", "SUMMARY:[1] Ship the release",
                "DTSTART;VALUE=DATE:20261224", "DTEND;VALUE=DATE:20261225", "STATUS:CONFIRMED", "COLOR:orange",
                "URL:https://plane.acme.test/e2e-team/browse/E2E-1/", "Build and publish");
        assertThat(dated).doesNotContain("<strong>", "ATTENDEE", "ORGANIZER");
        assertThat(event(doneIssue)).contains("STATUS:CANCELLED");
        assertThat(dav.get(eventUrl(undatedIssue)).status()).isEqualTo(404);
        assertThat(dav.list(calendarUrl)).hasSize(2);

        foreignUrl = calendarUrl + "dentist-" + UUID.randomUUID() + ".ics";
        String foreign = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Someone//Else//EN\r\nBEGIN:VEVENT\r\n"
                + "UID:dentist-" + UUID.randomUUID() + "@example.com\r\nDTSTAMP:20261101T100000Z\r\n"
                + "DTSTART;VALUE=DATE:20261224\r\nDTEND;VALUE=DATE:20261225\r\nSUMMARY:Dentist\r\n"
                + "END:VEVENT\r\nEND:VCALENDAR\r\n";
        assertThat(dav.put(foreignUrl, foreign, Optional.empty())).isBetween(200, 299);
        foreignEtag = dav.get(foreignUrl).etag().orElse("");
    }

    @Test
    @Order(2)
    void signedWebhook_changingTheTargetDate_movesTheEventWithinTwoSeconds() throws IOException {
        plane.setTargetDate(datedIssue, LocalDate.of(2027, 1, 15));
        long start = System.nanoTime();
        SentWebhook sent = sender.send(plane.webhooks().issueUpdated(datedIssue, "target_date", "2026-12-24",
                "2027-01-15"));

        assertThat(sent.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> event(datedIssue).contains("DTSTART;VALUE=DATE:20270115"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("webhook to moved event (" + kind + "): " + took.toMillis() + " ms");
        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(event(datedIssue)).contains("DTEND;VALUE=DATE:20270116");
    }

    @Test
    @Order(3)
    void aReminderTheUserAdded_survivesAnUpdate() throws IOException {
        PlainCalDav.Answer current = dav.get(eventUrl(datedIssue));
        String withAlarm = current.body().replace("END:VEVENT", "BEGIN:VALARM\r\nACTION:DISPLAY\r\n"
                + "DESCRIPTION:Reminder\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\nX-USER-NOTE:keep me\r\nEND:VEVENT");
        assertThat(dav.put(eventUrl(datedIssue), withAlarm, current.etag())).isBetween(200, 299);

        plane.updateIssue(datedIssue, d -> d.name("Ship the release v2"));
        assertThat(sender.send(plane.webhooks().issueUpdated(datedIssue, "name", "Ship the release",
                "Ship the release v2")).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(5)).until(() -> event(datedIssue).contains("SUMMARY:[1] Ship the release v2"));
        assertThat(event(datedIssue)).contains("BEGIN:VALARM", "TRIGGER:-PT15M", "X-USER-NOTE:keep me");
    }

    @Test
    @Order(4)
    void removingTheDate_removesTheEvent() throws IOException {
        String issue = plane.addIssue(projectId, d -> d.name("Dated for a while").targetDate(LocalDate.of(2026, 12, 10)));
        sender.send(plane.webhooks().issueCreated(issue));
        await().atMost(Duration.ofSeconds(5)).until(() -> dav.get(eventUrl(issue)).status() == 200);

        plane.setTargetDate(issue, null);
        sender.send(plane.webhooks().issueUpdated(issue, "target_date", "2026-12-10", null));

        await().atMost(Duration.ofSeconds(5)).until(() -> dav.get(eventUrl(issue)).status() == 404);
    }

    @Test
    @Order(5)
    void completingAnIssue_marksItsEventCancelled() throws IOException {
        String issue = plane.addIssue(projectId, d -> d.name("To be completed").targetDate(LocalDate.of(2026, 12, 11)));
        sender.send(plane.webhooks().issueCreated(issue));
        await().atMost(Duration.ofSeconds(5)).until(() -> event(issue).contains("STATUS:CONFIRMED"));

        plane.updateIssue(issue, d -> d.state("Done"));
        sender.send(plane.webhooks().issueUpdated(issue, "state", "todo", "done"));

        await().atMost(Duration.ofSeconds(5)).until(() -> event(issue).contains("STATUS:CANCELLED"));
    }

    @Test
    @Order(6)
    void anIssueThatDisappearsFromPlane_losesItsEventAtTheNextFullSync() throws Exception {
        String issue = plane.addIssue(projectId, d -> d.name("Soon deleted").targetDate(LocalDate.of(2026, 12, 12)));
        sender.send(plane.webhooks().issueCreated(issue));
        await().atMost(Duration.ofSeconds(5)).until(() -> dav.get(eventUrl(issue)).status() == 200);

        plane.deleteIssue(issue);
        HttpResponse<String> triggered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + service.port() + "/webhooks/sync"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(triggered.statusCode()).isEqualTo(200);
        assertThat(triggered.body()).contains("\"status\":\"triggered\"", "sync_id");
        await().atMost(Duration.ofSeconds(30)).until(() -> dav.get(eventUrl(issue)).status() == 404);
    }

    @Test
    @Order(7)
    void aForeignEventInTheSameCalendar_survivesAllOfIt() throws IOException {
        PlainCalDav.Answer foreign = dav.get(foreignUrl);
        assertThat(foreign.status()).isEqualTo(200);
        assertThat(foreign.body()).contains("SUMMARY:Dentist");
        assertThat(foreign.etag().orElse("")).isEqualTo(foreignEtag);
    }

    @Test
    @Order(7)
    void metrics_coverSyncsEventsWebhooksPeersAndResilience() throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + service.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("calplanebot_sync_runs_total{result=\"success\"}",
                "calplanebot_sync_duration_seconds", "calplanebot_events_total{action=\"create\",outcome=\"created\",target=\"caldav\"}",
                "calplanebot_webhooks_total{outcome=\"accepted\"}", "calplanebot_plane_requests_seconds_count",
                "calplanebot_caldav_requests_seconds_count", "resilience4j_circuitbreaker_state",
                "resilience4j_retry_calls", "http_server_requests_seconds_count");
        java.util.regex.Matcher learnt = java.util.regex.Pattern.compile(
                "calplanebot_sync_writes_at_once\\{target=\"caldav\"} ([0-9.]+)").matcher(metrics.body());
        assertThat(learnt.find()).as("writes at once to the CalDAV server are shown").isTrue();
        assertThat(Double.parseDouble(learnt.group(1))).as("learnt by the full syncs so far").isBetween(1.0, 4.0);
        assertThat(metrics.body()).as("the built-in store is written one event at a time")
                .doesNotContain("calplanebot_sync_writes_at_once{target=\"builtin\"}");
        assertThat(metrics.body()).as("labels are words, never Java class names").doesNotContainPattern(
                "outcome=\"[A-Z][A-Za-z]*Exception\"");
        String operations = Files.readString(Path.of("..", "docs", "operations.md"));
        java.util.regex.Matcher documented = java.util.regex.Pattern.compile("`(calplanebot_[a-z_]+)").matcher(operations);
        int names = 0;
        while (documented.find()) {
            names++;
            assertThat(metrics.body()).as("docs/operations.md names %s", documented.group(1))
                    .contains(documented.group(1));
        }
        assertThat(names).as("metric names found in docs/operations.md").isGreaterThanOrEqualTo(10);
    }

    @Test
    @Order(8)
    void renamingTheProject_renamesItsCalendar() throws IOException {
        assertThat(dav.displayName(calendarUrl)).isEqualTo("Plane: End to End 🚀");

        plane.renameProject(projectId, "Renamed ✨ project");
        assertThat(sender.send(plane.webhooks().projectUpdated(projectId, "name", "End to End 🚀",
                "Renamed ✨ project")).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(5)).until(() -> dav.displayName(calendarUrl).equals("Plane: Renamed ✨ project"));
        assertThat(dav.list(calendarUrl)).isNotEmpty();
    }

    @Test
    @Order(9)
    void restartingTheService_createsNoDuplicates_andASecondSyncWritesNothing() throws IOException {
        List<String> before = dav.list(calendarUrl);
        service.close();
        service = CalPlaneBotService.start(loader.load(), loader, Clock.systemUTC());
        SyncReport afterRestart = awaitFirstSync();

        assertThat(afterRestart.counts().created()).isZero();
        assertThat(dav.list(calendarUrl)).containsExactlyInAnyOrderElementsOf(before);
        SyncReport second = service.wiring().engine().fullSync().runFullSync(RunSyncCommand.everything());
        assertThat(second.counts().written()).isZero();
        assertThat(second.targets()).extracting(TargetReport::target).containsExactly("builtin", "caldav");
        assertThat(second.targets().get(1).counts().unchanged()).isEqualTo(before.size() - 1);
    }

    @Test
    @Order(10)
    void theCliCommands_workAgainstTheSameSetup() {
        StringWriter refusedOut = new StringWriter();
        StringWriter refusedErr = new StringWriter();
        int refused = Cli.commandLine(loader, Clock.systemUTC()).setOut(new PrintWriter(refusedOut))
                .setErr(new PrintWriter(refusedErr)).execute("sync");
        assertThat(refused).as("the running service holds the data directory").isNotZero();
        assertThat(refusedErr.toString() + refusedOut).contains("in use");
        service.close();
        service = null;

        StringWriter syncOut = new StringWriter();
        int sync = Cli.commandLine(loader, Clock.systemUTC()).setOut(new PrintWriter(syncOut))
                .setErr(new PrintWriter(new StringWriter())).execute("sync");
        assertThat(sync).as(syncOut.toString()).isZero();
        assertThat(syncOut.toString()).contains("E2E", "success");

        StringWriter planOut = new StringWriter();
        int plan = Cli.commandLine(loader, Clock.systemUTC()).setOut(new PrintWriter(planOut)).execute("plan");
        assertThat(plan).as(planOut.toString()).isZero();
        assertThat(planOut.toString()).contains("Nothing to do");

        StringWriter diagnoseOut = new StringWriter();
        int diagnose = Cli.commandLine(loader, Clock.systemUTC()).setOut(new PrintWriter(diagnoseOut))
                .execute("diagnose");
        assertThat(diagnose).as(diagnoseOut.toString()).isZero();
        assertThat(diagnoseOut.toString()).contains("All checks passed", "write access");
        assertNoSecretIn(diagnoseOut.toString());
    }

    @Test
    @Order(11)
    void noSecretEverReachesTheLogs() throws IOException {
        Path log = logDir.resolve("calplanebot.log");
        assertThat(log).exists();
        String text = Files.readString(log);
        assertThat(text).contains("Sync completed", "Webhook received");
        assertNoSecretIn(text);
    }

    /**
     * The Plane key and webhook secret are long and random, so they must not appear at all. The test servers'
     * password is short ("test", the same as the user name), so for it the check is that it never follows the word
     * password.
     */
    private void assertNoSecretIn(String text) {
        assertThat(text).doesNotContain(plane.apiKey(), secret);
        String password = java.util.regex.Pattern.quote(server.password());
        assertThat(text).doesNotContainPattern("(?i)(password|passwd|pwd)\\W{0,4}" + password);
        if (server.password().length() >= 8 && !server.user().contains(server.password())) {
            assertThat(text).doesNotContain(server.password());
        }
    }
}
