package io.calplanebot.app.state;

import io.calplanebot.adapter.caldav.AuthType;
import io.calplanebot.adapter.caldav.testing.CalDavServer;
import io.calplanebot.adapter.caldav.testing.CalDavServerKind;
import io.calplanebot.adapter.caldav.testing.CalDavServers;
import io.calplanebot.adapter.state.testing.PostgresCluster;
import io.calplanebot.app.CalPlaneBotService;
import io.calplanebot.app.config.ConfigLoader;
import io.calplanebot.app.e2e.PlainCalDav;
import io.calplanebot.sample.FakePlane;
import io.calplanebot.sample.PlaneWebhookSender;
import io.calplanebot.sample.SentWebhook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several replicas on one PostgreSQL (a throw-away cluster from Debian's package) and one real CalDAV server
 * (Radicale): one full sync at a time across them, webhooks spread over them converge without duplicates, and a
 * replica killed with a delivery in hand is taken over by another.
 */
class ReplicasOnPostgresIT {
    private static final Pattern UID = Pattern.compile("UID:(\\S+)");
    private static final Pattern SUMMARY = Pattern.compile("SUMMARY:([^\\r\\n]*)");

    private static PostgresCluster postgres;
    private static CalDavServer radicale;

    private final FakePlane plane = FakePlane.start();
    private final String secret = PlaneWebhookSender.newSecret();
    private final List<CalPlaneBotService> services = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private String databaseUrl;
    private String project;
    private final List<String> projectNames = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void startPeers() throws Exception {
        postgres = PostgresCluster.start();
        radicale = CalDavServers.startOrSkip(CalDavServerKind.RADICALE, AuthType.BASIC);
    }

    @AfterAll
    static void stopPeers() throws Exception {
        if (radicale != null) {
            radicale.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @AfterEach
    void stopServices() {
        services.forEach(CalPlaneBotService::close);
        plane.close();
    }

    private Map<String, String> env(String replica) throws Exception {
        if (databaseUrl == null) {
            databaseUrl = postgres.databaseUrl(postgres.newDatabase());
        }
        Map<String, String> env = new HashMap<>();
        env.put("PLANE_BASE_URL", plane.baseUrl());
        env.put("PLANE_API_TOKEN", plane.apiKey());
        env.put("PLANE_WORKSPACE_SLUG", plane.workspaceSlug());
        env.put("PLANE_WEBHOOK_SECRET", secret);
        env.put("CALDAV_URL", radicale.baseUrl());
        env.put("CALDAV_USERNAME", radicale.user());
        env.put("CALDAV_PASSWORD", radicale.password());
        env.put("SYNC_INTERVAL_SECONDS", "3600");
        env.put("DATABASE_URL", databaseUrl);
        env.put("REPLICA_TAKEOVER_SECONDS", "5");
        env.put("HOST", "127.0.0.1");
        env.put("PORT", "0");
        env.put("DATA_DIR", dir.resolve("data-" + replica).toString());
        env.put("LOG_DIR", dir.resolve("logs-" + replica).toString());
        return env;
    }

    private CalPlaneBotService replica(String name) throws Exception {
        ConfigLoader loader = new ConfigLoader(env(name), Optional.empty());
        CalPlaneBotService service = CalPlaneBotService.start(loader.load(), loader, Clock.systemUTC());
        services.add(service);
        return service;
    }

    private List<String> addDatedIssues(int count, String prefix) {
        String projectName = "Replicas " + UUID.randomUUID().toString().substring(0, 8);
        projectNames.add(projectName);
        project = plane.addProject("R" + projectNames.size(), projectName);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            int n = i;
            ids.add(plane.addIssue(project, d -> d.name(prefix + " " + n).targetDate(LocalDate.of(2026, 12, n % 28 + 1))));
        }
        return ids;
    }

    private static boolean idle(CalPlaneBotService service) {
        return !service.wiring().engine().fullSync().isRunning();
    }

    /** UID to SUMMARY of every event in the project's calendar on Radicale; fails on a duplicate UID. */
    private Map<String, String> calendarEvents() throws IOException {
        Map<String, String> events = new HashMap<>();
        try (PlainCalDav dav = new PlainCalDav(radicale.calendarHomeUrl(), radicale.user(), radicale.password())) {
            for (String collection : dav.collections(radicale.calendarHomeUrl())) {
                String displayName = dav.displayName(collection);
                if (projectNames.stream().noneMatch(displayName::contains)) {
                    continue;
                }
                for (String href : dav.list(collection)) {
                    String body = dav.get(URI.create(collection).resolve(href).toString()).body();
                    Matcher uid = UID.matcher(body);
                    Matcher summary = SUMMARY.matcher(body);
                    assertThat(uid.find() && summary.find()).isTrue();
                    assertThat(events.put(uid.group(1), summary.group(1))).as("duplicate UID " + uid.group(1)).isNull();
                }
            }
        }
        return events;
    }

    private HttpResponse<String> triggerSync(CalPlaneBotService service) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/webhooks/sync"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private SentWebhook send(int port, String issueId, String newName) {
        try (PlaneWebhookSender sender = new PlaneWebhookSender(
                URI.create("http://127.0.0.1:" + port + "/webhooks/plane"), secret)) {
            return sender.send(plane.webhooks().issueUpdated(issueId, "name", "old", newName));
        }
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aFullSyncRunningOnOneReplica_isRefusedOnTheOther_andTheCalendarHasEachEventOnce() throws Exception {
        addDatedIssues(30, "Task");
        CalPlaneBotService a = replica("a");
        CalPlaneBotService b = replica("b");
        await().atMost(Duration.ofSeconds(60)).until(() -> calendarEvents().size() == 30 && idle(a) && idle(b));

        plane.faults().delayNextResponses(4, Duration.ofMillis(800));
        HttpResponse<String> started = triggerSync(a);
        HttpResponse<String> refused = triggerSync(b);

        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        assertThat(started.body()).contains("triggered");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("SYNC_IN_PROGRESS");
        assertThat(idle(b)).as("b sees the sync running on a").isFalse();
        await().atMost(Duration.ofSeconds(60)).until(() -> idle(a) && idle(b));
        assertThat(calendarEvents()).hasSize(30);
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void webhooksSpreadOverTwoReplicas_convergeToTheNewestData_withoutDuplicates() throws Exception {
        List<String> issues = addDatedIssues(12, "Item");
        CalPlaneBotService a = replica("a");
        CalPlaneBotService b = replica("b");
        await().atMost(Duration.ofSeconds(60)).until(() -> calendarEvents().size() == 12 && idle(a) && idle(b));

        for (int i = 0; i < issues.size(); i++) {
            String id = issues.get(i);
            String name = "Renamed " + (i + 1);
            plane.updateIssue(id, d -> d.name(name));
            assertThat(send(a.port(), id, name).status()).isEqualTo(200);
            assertThat(send(b.port(), id, name + " ").status()).isEqualTo(200);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> calendarEvents().values().stream()
                .filter(summary -> summary.contains("Renamed")).count() == 12);
        Map<String, String> events = calendarEvents();
        assertThat(events).hasSize(12);
        try (var shared = io.calplanebot.adapter.state.JdbcStateStore.postgres(
                io.calplanebot.adapter.state.DatabaseUrl.parse(databaseUrl), 2)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> shared.inbox().open() == 0);
        }
        Set<String> summaries = new HashSet<>(events.values());
        for (int i = 1; i <= 12; i++) {
            int n = i;
            assertThat(summaries).anyMatch(s -> s.endsWith("Renamed " + n));
        }
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aReplicaKilledWithADeliveryInHand_isTakenOverByTheOther() throws Exception {
        List<String> issues = addDatedIssues(3, "Job");
        CalPlaneBotService b = replica("b");
        await().atMost(Duration.ofSeconds(60)).until(() -> calendarEvents().size() == 3 && idle(b));

        try (ServeProcess a = ServeProcess.start("replica-a", withoutPeriodicSync(env("a")))) {
            int port = a.awaitPort();
            String id = issues.get(0);
            plane.updateIssue(id, d -> d.name("Taken over"));
            plane.clearRequests();
            plane.faults().delayNextResponses(5, Duration.ofSeconds(60));
            assertThat(send(port, id, "Taken over").status()).isEqualTo(200);
            // Past the settle time: the replica is stuck in its re-read of the issue (Plane answers it after 60 s).
            Thread.sleep(1500);
            a.kill();
        }
        plane.faults().clear();

        await().atMost(Duration.ofSeconds(40)).until(() -> calendarEvents().values().stream()
                .anyMatch(summary -> summary.endsWith("Taken over")));
        assertThat(calendarEvents()).hasSize(3);
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void theReplicaRunningAFullSync_killedMidway_isReplacedByAnotherThatFinishesIt_withoutDuplicates()
            throws Exception {
        List<String> first = addDatedIssues(5, "First");
        String firstProject = project;
        CalPlaneBotService b = replica("b");
        await().atMost(Duration.ofSeconds(60)).until(() -> calendarEvents().size() == 5 && idle(b));
        List<String> second = addDatedIssues(8, "Second");
        String secondProject = project;
        plane.addIssue(firstProject, d -> d.name("First 6").targetDate(LocalDate.of(2026, 12, 20)));

        AtomicReference<ServeProcess> leader = new AtomicReference<>();
        AtomicInteger pagesServed = new AtomicInteger();
        Runnable killTheLeaderAtTheSecondProject = () -> {
            if (pagesServed.incrementAndGet() == 2) {
                try {
                    leader.get().kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        plane.faults().beforeIssuePage(firstProject, 0, killTheLeaderAtTheSecondProject);
        plane.faults().beforeIssuePage(secondProject, 0, killTheLeaderAtTheSecondProject);
        try (ServeProcess a = ServeProcess.start("leader", withoutPeriodicSync(env("a")))) {
            leader.set(a);
            int port = a.awaitPort();
            HttpResponse<String> started = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/webhooks/sync"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(started.body()).contains("triggered");
            await().atMost(Duration.ofSeconds(30)).until(() -> pagesServed.get() >= 2);
        }
        assertThat(calendarEvents().size()).as("the leader died mid-sync: not everything is written yet")
                .isLessThan(5 + 1 + 8);

        await().atMost(Duration.ofSeconds(60)).until(() -> calendarEvents().size() == 5 + 1 + 8 && idle(b));
        assertThat(calendarEvents().values()).filteredOn(summary -> summary.contains("Second")).hasSize(second.size());
        assertThat(first).hasSize(5);
    }

    private static Map<String, String> withoutPeriodicSync(Map<String, String> env) {
        env.put("ENABLE_SYNC", "false");
        return env;
    }
}
