package io.calplanebot.adapter.plane;

import com.sun.net.httpserver.HttpServer;
import io.calplanebot.sample.FakePlane;
import io.calplanebot.sample.PlaneWebhookSender;
import io.calplanebot.sample.SentWebhook;
import io.calplanebot.core.domain.webhook.ChangeAction;
import io.calplanebot.core.domain.webhook.IgnoredEvent;
import io.calplanebot.core.domain.webhook.IssueChanged;
import io.calplanebot.core.domain.webhook.IssueDeleted;
import io.calplanebot.core.domain.webhook.ProjectChanged;
import io.calplanebot.core.domain.webhook.RawWebhook;
import io.calplanebot.core.domain.webhook.WebhookNotification;
import io.calplanebot.core.domain.webhook.WebhookRejectedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Deliveries posted over HTTP exactly as Plane posts them, received raw and decoded. */
class PlaneWebhookSenderIT {
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    private final List<RawWebhook> received = new CopyOnWriteArrayList<>();
    private final String secret = PlaneWebhookSender.newSecret();
    private final PlaneWebhookDecoder decoder = PlaneWebhookDecoder.withSecret(secret);
    private FakePlane plane;
    private HttpServer receiver;
    private PlaneWebhookSender sender;

    @BeforeEach
    void start() throws IOException {
        plane = FakePlane.start();
        plane.faults().rateLimit(10_000, Duration.ofMinutes(1));
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        receiver.createContext("/webhooks/plane", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new RawWebhook(exchange.getRequestHeaders(), body));
            byte[] answer = "{\"status\":\"processed\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.start();
        sender = new PlaneWebhookSender(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort()
                + "/webhooks/plane"), secret);
    }

    @AfterEach
    void stop() {
        sender.close();
        receiver.stop(0);
        plane.close();
    }

    private WebhookNotification lastDecoded() {
        return decoder.decode(received.get(received.size() - 1));
    }

    @Test
    void issueCreated_isPostedWithPlanesHeadersAndBody_andDecodes() {
        String mob = plane.addProject("MOB", "Mobile");
        String issue = plane.addIssue(mob, d -> d.name("App crashes on launch 🌙").targetDate(LocalDate.of(2026, 5, 22))
                .descriptionHtml("<p>Eastern Arabic digits ٠١٢٣</p>"));

        SentWebhook sent = sender.send(plane.webhooks().issueCreated(issue));

        assertThat(sent.status()).isEqualTo(200);
        RawWebhook raw = received.get(0);
        assertThat(raw.header("content-type")).contains("application/json");
        assertThat(raw.header("user-agent")).contains("Autopilot");
        assertThat(raw.header("x-plane-event")).contains("issue");
        assertThat(raw.header("x-plane-delivery").orElseThrow()).matches(UUID_PATTERN);
        assertThat(raw.header("x-plane-signature").orElseThrow()).matches("[0-9a-f]{64}")
                .isEqualTo(PlaneWebhookSender.sign(raw.body(), secret));
        String body = new String(raw.body(), StandardCharsets.US_ASCII);
        assertThat(body).startsWith("{\"event\": \"issue\", \"action\": \"created\", \"webhook_id\": ")
                .contains("\"name\": \"App crashes on launch \\ud83c\\udf19\"")
                .contains("\\u0660\\u0661\\u0662\\u0663")
                .contains("\"target_date\": \"2026-05-22\"")
                .contains("\"project\": \"" + mob + "\"");
        assertThat(body).as("pure ASCII").isEqualTo(new String(raw.body(), StandardCharsets.UTF_8));
        assertThat(lastDecoded()).isInstanceOfSatisfying(IssueChanged.class, changed -> {
            assertThat(changed.change()).isEqualTo(ChangeAction.CREATED);
            assertThat(changed.issueId()).isEqualTo(issue);
            assertThat(changed.projectId()).isEqualTo(mob);
            assertThat(changed.updatedAt()).isPresent();
        });
    }

    @Test
    void retriedDelivery_hasANewDeliveryId_butTheSameBodyAndSignature() {
        String mob = plane.addProject("MOB", "Mobile");
        String issue = plane.addIssues(mob, 1, "Task").get(0);
        var delivery = plane.webhooks().issueUpdated(issue, "priority", "none", "high");

        sender.send(delivery);
        sender.send(delivery);

        assertThat(received.get(0).header("x-plane-delivery")).isNotEqualTo(received.get(1).header("x-plane-delivery"));
        assertThat(received.get(0).body()).isEqualTo(received.get(1).body());
        assertThat(received.get(0).header("x-plane-signature")).isEqualTo(received.get(1).header("x-plane-signature"));
    }

    @Test
    void targetDateChange_deliveryCarriesTheNewDate_andTheSourceSeesIt() {
        String mob = plane.addProject("MOB", "Mobile");
        String issue = plane.addIssue(mob, d -> d.targetDate(LocalDate.of(2026, 5, 22)));
        plane.setTargetDate(issue, LocalDate.of(2026, 5, 29));

        sender.send(plane.webhooks().issueUpdated(issue, "target_date", "2026-05-22", "2026-05-29"));
        IssueChanged changed = (IssueChanged) lastDecoded();

        try (PlaneIssueSource source = PlaneIssueSource.builder().settings(PlaneSettings.builder()
                .baseUrl(plane.baseUrl()).apiKey(plane.apiKey()).workspaceSlug(plane.workspaceSlug())
                .rateLimitPerMinute(6000).build()).build()) {
            var fetched = source.findIssue(changed.projectId(), changed.issueId()).orElseThrow();
            assertThat(fetched.targetDate()).contains(LocalDate.of(2026, 5, 29));
            assertThat(fetched.updatedAt()).isEqualTo(changed.updatedAt());
        }
        assertThat(new String(received.get(0).body(), StandardCharsets.US_ASCII))
                .contains("\"activity\": {\"field\": \"target_date\", \"new_value\": \"2026-05-29\", "
                        + "\"old_value\": \"2026-05-22\", \"actor\": {");
    }

    @Test
    void legacyIssueDeleted_projectEvents_andCycles_decodeToTheirNotifications() {
        String mob = plane.addProject("MOB", "Mobile");
        String issue = plane.addIssues(mob, 1, "Task").get(0);

        sender.send(plane.webhooks().issueDeleted(issue));
        assertThat(lastDecoded()).isEqualTo(new IssueDeleted(issue, Optional.empty()));
        sender.send(plane.webhooks().projectUpdated(mob, "name", "Mobile", "Mobile apps"));
        assertThat(lastDecoded()).isEqualTo(new ProjectChanged(ChangeAction.UPDATED, mob));
        sender.send(plane.webhooks().projectDeleted(mob));
        assertThat(lastDecoded()).isEqualTo(new ProjectChanged(ChangeAction.DELETED, mob));
        sender.send(plane.webhooks().cycleCreated(mob, "Sprint 7"));
        assertThat(lastDecoded()).isEqualTo(new IgnoredEvent("cycle", "created"));
        assertThat(received.get(3).header("x-plane-event")).contains("cycle");
    }

    @Test
    void specPayload_isSignedWithTheSha256Prefix_andDecodes() {
        String mob = plane.addProject("MOB", "Mobile");
        String issue = plane.addIssue(mob, d -> d.targetDate(LocalDate.of(2025, 12, 27)).state("In Progress"));

        sender.send(plane.webhooks().specIssue("updated", issue));

        assertThat(received.get(0).header("x-plane-signature").orElseThrow()).startsWith("sha256=");
        assertThat(lastDecoded()).isInstanceOfSatisfying(IssueChanged.class, changed -> {
            assertThat(changed.issueId()).isEqualTo(issue);
            assertThat(changed.projectId()).isEqualTo(mob);
        });
    }

    @Test
    void deliverySignedWithAnotherSecret_isRejected() {
        String mob = plane.addProject("MOB", "Mobile");
        String issue = plane.addIssues(mob, 1, "Task").get(0);
        try (PlaneWebhookSender stranger = new PlaneWebhookSender(URI.create("http://127.0.0.1:"
                + receiver.getAddress().getPort() + "/webhooks/plane"), PlaneWebhookSender.newSecret())) {
            stranger.send(plane.webhooks().issueCreated(issue));
        }

        assertThatThrownBy(this::lastDecoded).isInstanceOfSatisfying(WebhookRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(WebhookRejectedException.Reason.INVALID_SIGNATURE));
    }
}
