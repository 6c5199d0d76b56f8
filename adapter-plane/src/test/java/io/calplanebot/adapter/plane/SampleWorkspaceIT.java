package io.calplanebot.adapter.plane;

import com.sun.net.httpserver.HttpServer;
import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.Person;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.domain.StateGroup;
import io.calplanebot.core.domain.webhook.IssueChanged;
import io.calplanebot.core.domain.webhook.RawWebhook;
import io.calplanebot.core.domain.webhook.WebhookNotification;
import io.calplanebot.sample.FakePlane;
import io.calplanebot.sample.PlaneWebhookSender;
import io.calplanebot.sample.SampleActivity;
import io.calplanebot.sample.SampleWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled sample workspace, read by the real Plane client, and its activity, read by the real decoder. */
class SampleWorkspaceIT {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    private final FakePlane plane = SampleWorkspace.bundled().start(TODAY);
    private final List<RawWebhook> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private PlaneIssueSource source;

    @AfterEach
    void stop() {
        if (source != null) {
            source.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
        plane.close();
    }

    @Test
    void sampleWorkspace_readByThePlaneClient_hasThreeProjectsWithDatedLabelledAssignedIssues() {
        source = PlaneIssueSource.builder().settings(PlaneSettings.builder().baseUrl(plane.baseUrl())
                .apiKey(plane.apiKey()).workspaceSlug(plane.workspaceSlug()).build()).build();

        List<Project> projects = source.listProjects();
        List<Issue> issues = new ArrayList<>();
        projects.forEach(p -> issues.addAll(source.listIssues(p).issues()));

        assertThat(projects).extracting(Project::identifier).containsExactlyInAnyOrder("WEB", "MOB", "OPS");
        assertThat(issues).hasSizeBetween(18, 24);
        assertThat(issues).filteredOn(i -> i.targetDate().isPresent()).allSatisfy(i ->
                assertThat(i.targetDate().get()).isBetween(TODAY.minusDays(7), TODAY.plusDays(14)));
        assertThat(issues).extracting(i -> i.state().group())
                .contains(StateGroup.COMPLETED, StateGroup.CANCELLED, StateGroup.STARTED, StateGroup.BACKLOG);
        assertThat(issues).flatExtracting(Issue::labels).contains("bug", "release", "security");
        assertThat(issues).flatExtracting(Issue::assignees).extracting(Person::email)
                .contains("ben@northwind.example", "ava@northwind.example").allMatch(email -> email.contains("@"));
        assertThat(issues).extracting(Issue::priority).map(Enum::name).contains("URGENT", "LOW", "NONE");
    }

    @Test
    void sampleActivity_sendsSignedWebhooks_thatTheRealDecoderAcceptsAsIssueUpdates() throws IOException {
        String secret = PlaneWebhookSender.newSecret();
        URI target = startReceiver();
        List<String> lines = new ArrayList<>();
        try (PlaneWebhookSender sender = new PlaneWebhookSender(target, secret)) {
            SampleActivity activity = new SampleActivity(plane, sender, SampleActivity.datedIssues(plane));
            for (int i = 0; i < 4; i++) {
                lines.add(activity.next());
            }
        }

        PlaneWebhookDecoder decoder = PlaneWebhookDecoder.withSecret(secret);
        List<WebhookNotification> decoded = new ArrayList<>();
        received.forEach(webhook -> decoded.add(decoder.decode(webhook)));
        assertThat(decoded).hasSize(4).allSatisfy(n -> assertThat(n).isInstanceOf(IssueChanged.class));
        assertThat(lines.get(0)).contains("due date moved").endsWith("(webhook: HTTP 200)");
        assertThat(lines.get(1)).contains("renamed to");
        assertThat(lines.get(2)).containsAnyOf("completed (Done)", "reopened (In Progress)");
    }

    private URI startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        receiver.createContext("/webhooks/plane", exchange -> {
            try (exchange) {
                received.add(new RawWebhook(exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes()));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        receiver.start();
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks/plane");
    }
}
