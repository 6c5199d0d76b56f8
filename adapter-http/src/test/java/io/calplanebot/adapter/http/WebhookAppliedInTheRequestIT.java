package io.calplanebot.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.domain.webhook.ChangeAction;
import io.calplanebot.core.domain.webhook.IssueChanged;
import io.calplanebot.core.mapping.IssueEventMapper;
import io.calplanebot.core.mapping.MappingSettings;
import io.calplanebot.core.sync.DirectChangeDispatcher;
import io.calplanebot.core.sync.SyncService;
import io.calplanebot.core.sync.WebhookService;
import io.calplanebot.core.testing.InMemoryCalendarStore;
import io.calplanebot.core.testing.InMemoryIssueSource;
import io.calplanebot.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /webhooks/plane} over core's real webhook service with a {@link DirectChangeDispatcher}, as an
 * embedding application wires it: the change is applied in the request, so a failing peer is answered with 502/503
 * and Plane's redelivery is taken in again rather than dropped as a duplicate.
 */
class WebhookAppliedInTheRequestIT {
    private final InMemoryIssueSource plane = new InMemoryIssueSource()
            .addProject(new Project("project-uuid", "MP", "My Project"));
    private final InMemoryCalendarStore calendars = new InMemoryCalendarStore();
    private final SyncService sync = SyncService.builder()
            .issueSource(plane)
            .calendarStore(calendars)
            .mapper(new IssueEventMapper(new MappingSettings("https://plane.example.com", "acme")))
            .clock(new MutableClock(TestApi.NOW))
            .build();
    private final WebhookService webhooks = new WebhookService(
            raw -> new IssueChanged(ChangeAction.UPDATED, "issue-uuid", "project-uuid", Optional.empty()),
            new DirectChangeDispatcher(sync));

    @Test
    void calendarDown_answers503_andPlanesRedeliveryIsApplied() {
        calendars.setDown(true);
        try (TestApi t = TestApi.over(webhooks)) {
            Answer failed = t.postJson("/webhooks/plane", WebhookEndpointIT.SPEC_PAYLOAD);

            JsonNode json = ErrorModel.assertError(failed, 503, "CALDAV_CONNECTION_ERROR");
            assertThat(json.path("details").path("reason").asText()).isEqualTo("unreachable");
            calendars.setDown(false);
            Answer redelivered = t.postJson("/webhooks/plane", WebhookEndpointIT.SPEC_PAYLOAD);
            assertThat(redelivered.status()).isEqualTo(200);
            assertThat(redelivered.json().path("status").asText()).isEqualTo("processed");
            assertThat(redelivered.json().path("message").asText()).isEqualTo("Issue sync triggered");
        }
    }

    @Test
    void planeDown_answers502PlaneApiError_withTheReasonOnly() {
        plane.setDown(true);
        try (TestApi t = TestApi.over(webhooks)) {
            Answer failed = t.postJson("/webhooks/plane", WebhookEndpointIT.SPEC_PAYLOAD);

            JsonNode json = ErrorModel.assertError(failed, 502, "PLANE_API_ERROR");
            assertThat(json.path("details").path("reason").asText()).isEqualTo("unreachable");
            assertThat(failed.body()).doesNotContain("issue source is down");
        }
    }
}
