package io.calplanebot.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calplanebot.app.CalPlaneBotService;
import io.calplanebot.sample.FakePlane;
import io.calplanebot.sample.PlaneWebhookSender;
import io.calplanebot.sample.RecordedRequest;
import io.calplanebot.sample.SentWebhook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real service with the real decoder, sent correctly signed but hostile deliveries: an issue or project id that
 * is not a Plane id (a UUID) is answered {@code 422 VALIDATION_ERROR} naming the field and never turns into a request
 * to Plane; a body that is not UTF-8 is {@code 400 INVALID_JSON}.
 */
class HostileWebhookIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static FakePlane plane;
    private static CalPlaneBotService service;
    private static PlaneWebhookSender sender;
    private static String issue;
    private static String secret;

    @BeforeAll
    static void start() throws Exception {
        plane = FakePlane.start("ids-team");
        String project = plane.addProject("IDS", "Ids");
        issue = plane.addIssue(project, d -> d.name("Real one"));
        Path data = Files.createTempDirectory("calplanebot-ids-data");
        secret = PlaneWebhookSender.newSecret();
        Map<String, String> env = BuiltinStoreEnvironment.of(plane, secret, data);
        service = BuiltinStoreEnvironment.startAfterFirstSync(env);
        sender = new PlaneWebhookSender(URI.create("http://127.0.0.1:" + service.port() + "/webhooks/plane"), secret);
    }

    @AfterAll
    static void stop() throws Exception {
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

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "a/b", "%2e", "not-a-uuid"})
    void signedDelivery_withAnIssueIdThatIsNotAUuid_is422_andPlaneIsNeverAsked(String id) throws Exception {
        plane.clearRequests();

        SentWebhook sent = sender.send(plane.webhooks().issueUpdated(issue, "name", "a", "b").withData("id", id));

        assertRejected(sent, "data.id");
        Thread.sleep(600);
        assertThat(plane.requests()).extracting(RecordedRequest::path).noneMatch(p -> p.contains("/issues/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "a/b", "%2e", "not-a-uuid"})
    void signedDelivery_withAProjectIdThatIsNotAUuid_is422(String id) throws Exception {
        assertRejected(sender.send(plane.webhooks().issueUpdated(issue, "name", "a", "b").withData("project", id)),
                "data.project");
        assertRejected(sender.send(plane.webhooks().projectDeleted(id)), "data.id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16", "UTF-16LE", "UTF-32BE"})
    void signedDelivery_inUtf16OrUtf32_is400InvalidJson(String encoding) throws Exception {
        String json = new String(plane.webhooks().issueUpdated(issue, "name", "a", "b").body(), StandardCharsets.UTF_8);
        byte[] body = json.getBytes(Charset.forName(encoding));

        SentWebhook sent = sender.post(Map.of("Content-Type", "application/json", "X-Plane-Signature",
                PlaneWebhookSender.sign(body, secret), "X-Plane-Event", "issue"), body);

        assertThat(sent.status()).as(sent.responseBody()).isEqualTo(400);
        assertThat(JSON.readTree(sent.responseBody()).path("error_code").asText()).isEqualTo("INVALID_JSON");
    }

    private static void assertRejected(SentWebhook sent, String field) throws Exception {
        assertThat(sent.status()).as(sent.responseBody()).isEqualTo(422);
        JsonNode body = JSON.readTree(sent.responseBody());
        assertThat(body.path("error_code").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(body.path("details").path("field").asText()).isEqualTo(field);
    }
}
