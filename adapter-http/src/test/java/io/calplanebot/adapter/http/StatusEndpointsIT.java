package io.calplanebot.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.calplanebot.core.port.in.ActionKind;
import io.calplanebot.core.port.in.ActionOutcome;
import io.calplanebot.core.port.in.ConnectionState;
import io.calplanebot.core.port.in.HealthReport;
import io.calplanebot.core.port.in.OutcomeKind;
import io.calplanebot.core.port.in.RunResult;
import io.calplanebot.core.port.in.SyncReport;
import io.calplanebot.core.port.in.TargetReport;
import io.calplanebot.core.port.in.SyncState;
import io.calplanebot.core.port.in.SyncStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class StatusEndpointsIT extends SharedServer {
    @Test
    void root_answersServiceInfo_withUptimeFromTheClock() {
        JsonNode json = t.get("/").json();

        assertThat(json.path("name").asText()).isEqualTo("CalPlaneBot");
        assertThat(json.path("version").asText()).isEqualTo("1.0.0");
        assertThat(json.path("description").asText()).isEqualTo("Plane \u2194 CalDAV Integration Service");
        assertThat(json.path("status").asText()).isEqualTo("running");
        assertThat(json.path("uptime").asText()).isEqualTo("2h 15m 30s");
        assertThat(json.size()).isEqualTo(5);
    }

    @Test
    void root_uptimeMovesWithTheClock() {
        t.clock.advance(Duration.ofDays(1).plusSeconds(5));

        assertThat(t.get("/").json().path("uptime").asText()).isEqualTo("1d 2h 15m 35s");
    }

    @Test
    void health_isHealthy_whenNoPeerIsKnownDown() {
        Answer answer = t.get("/health");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("status").asText()).isEqualTo("healthy");
        assertThat(answer.json().path("timestamp").asText()).isEqualTo("2025-12-27T10:30:00Z");
        assertThat(answer.json().size()).isEqualTo(2);
        assertThat(answer.header("X-RateLimit-Limit")).as("health is not rate limited").isNull();
    }

    @Test
    void health_isUnhealthy_whenTheCalendarServerIsDown() {
        t.status.health = health(ConnectionState.UNHEALTHY, ConnectionState.HEALTHY, Optional.empty());

        assertThat(t.get("/health").json().path("status").asText()).isEqualTo("unhealthy");
    }

    @Test
    void detailedHealth_showsEveryMetricWithSpecNames() {
        t.status.health = new HealthReport(SyncState.RUNNING, 5, 127, 23, 3,
                Optional.of(Instant.parse("2025-12-27T10:25:00.987Z")), FakeReadStatus.peer(ConnectionState.UNHEALTHY),
                Map.of("caldav", FakeReadStatus.peer(ConnectionState.HEALTHY)));

        JsonNode json = t.get("/api/v1/health").json();

        assertThat(json.path("status").asText()).isEqualTo("unhealthy");
        assertThat(json.path("timestamp").asText()).isEqualTo("2025-12-27T10:30:00Z");
        assertThat(json.path("version").asText()).isEqualTo("1.0.0");
        assertThat(json.path("uptime").asText()).isEqualTo("2h 15m 30s");
        JsonNode m = json.path("metrics");
        assertThat(m.path("projects_synced").asLong()).isEqualTo(5);
        assertThat(m.path("events_created").asLong()).isEqualTo(127);
        assertThat(m.path("events_updated").asLong()).isEqualTo(23);
        assertThat(m.path("events_deleted").asLong()).isEqualTo(3);
        assertThat(m.path("last_sync").asText()).isEqualTo("2025-12-27T10:25:00Z");
        assertThat(m.path("sync_status").asText()).isEqualTo("running");
        assertThat(m.path("caldav_connection").asText()).isEqualTo("healthy");
        assertThat(m.path("plane_api_connection").asText()).isEqualTo("unhealthy");
        assertThat(m.path("targets").path("caldav").asText()).isEqualTo("healthy");
        assertThat(m.size()).isEqualTo(10);
    }

    @Test
    void detailedHealth_saysWhichPeerIsUnhealthy_sinceWhen_andWhy() {
        t.status.health = health(ConnectionState.HEALTHY, ConnectionState.UNHEALTHY, Optional.empty());

        JsonNode peers = t.get("/api/v1/health").json().path("metrics").path("peers");

        assertThat(peers.size()).isEqualTo(2);
        JsonNode plane = peers.get(0);
        assertThat(plane.path("name").asText()).isEqualTo("plane");
        assertThat(plane.path("role").asText()).isEqualTo("issue_source");
        assertThat(plane.path("state").asText()).isEqualTo("unhealthy");
        assertThat(plane.path("since").asText()).isEqualTo("2025-12-27T10:20:00Z");
        assertThat(plane.path("checked_at").asText()).isEqualTo("2025-12-27T10:29:30Z");
        assertThat(plane.path("error").asText()).isEqualTo("could not reach the peer");
        JsonNode caldav = peers.get(1);
        assertThat(caldav.path("name").asText()).isEqualTo("caldav");
        assertThat(caldav.path("role").asText()).isEqualTo("calendar_target");
        assertThat(caldav.path("state").asText()).isEqualTo("healthy");
        assertThat(caldav.path("error").isNull()).isTrue();
    }

    @Test
    void detailedHealth_lastSyncIsNull_beforeTheFirstSync() {
        JsonNode m = t.get("/api/v1/health").json().path("metrics");

        assertThat(m.has("last_sync")).isTrue();
        assertThat(m.path("last_sync").isNull()).isTrue();
        assertThat(m.path("caldav_connection").asText()).isEqualTo("unknown");
        assertThat(m.path("peers").get(0).path("since").isNull()).isTrue();
    }

    @Test
    void status_isIdleWithNullLastSync_beforeTheFirstSync() {
        JsonNode json = t.get("/webhooks/status").json();

        assertThat(json.path("status").asText()).isEqualTo("idle");
        assertThat(json.path("last_sync").isNull()).isTrue();
        assertThat(json.path("next_sync").isNull()).isTrue();
        assertThat(json.path("queue_length").asInt()).isZero();
        assertThat(json.size()).isEqualTo(4);
    }

    @Test
    void status_showsTheLastRun_withDurationCountsAndErrors() {
        SyncReport report = new SyncReport("sync-7", Instant.parse("2025-12-27T10:24:57.660Z"), Duration.ofMillis(2344),
                RunResult.PARTIAL, false, List.of(),
                List.of(outcome(OutcomeKind.CREATED), outcome(OutcomeKind.FAILED), outcome(OutcomeKind.UPDATED)),
                12, List.of("Project MP: calendar write refused (403)"),
                List.of(new TargetReport("caldav", List.of(outcome(OutcomeKind.CREATED), outcome(OutcomeKind.FAILED),
                        outcome(OutcomeKind.UPDATED)), 12, List.of("Project MP: calendar write refused (403)"))));
        t.status.status = new SyncStatus(SyncState.ERROR, Optional.of(report),
                Optional.of(Instant.parse("2025-12-27T10:35:00Z")), 4);

        JsonNode json = t.get("/webhooks/status").json();

        assertThat(json.path("status").asText()).isEqualTo("error");
        assertThat(json.path("next_sync").asText()).isEqualTo("2025-12-27T10:35:00Z");
        assertThat(json.path("queue_length").asInt()).isEqualTo(4);
        JsonNode last = json.path("last_sync");
        assertThat(last.path("timestamp").asText()).as("when the run finished").isEqualTo("2025-12-27T10:25:00Z");
        assertThat(last.path("duration_seconds").asDouble()).isEqualTo(2.34);
        assertThat(last.path("status").asText()).isEqualTo("partial");
        assertThat(last.path("events_processed").asInt()).isEqualTo(15);
        assertThat(last.path("errors").get(0).asText()).isEqualTo("Project MP: calendar write refused (403)");
        JsonNode target = last.path("targets").get(0);
        assertThat(target.path("target").asText()).isEqualTo("caldav");
        assertThat(target.path("status").asText()).isEqualTo("partial");
        assertThat(target.path("created").asInt()).isEqualTo(1);
        assertThat(target.path("failed").asInt()).isEqualTo(1);
        assertThat(target.path("unchanged").asInt()).isEqualTo(12);
        assertThat(last.size()).isEqualTo(6);
        assertThat(t.get("/webhooks/status").header("X-RateLimit-Limit")).as("status is not rate limited").isNull();
    }

    @Test
    void statusFailure_answers500_withoutTheExceptionMessage() {
        t.status.failure = new IllegalStateException("jdbc:postgresql://db?password=hunter2");

        Answer answer = t.get("/webhooks/status");

        JsonNode json = ErrorModel.assertError(answer, 500, "INTERNAL_ERROR");
        assertThat(answer.body()).doesNotContain("hunter2").doesNotContain("IllegalStateException").doesNotContain("at io.");
        assertThat(json.path("message").asText()).isEqualTo("Internal server error");
    }

    @Test
    void head_onAGetRoute_answersWithoutBody() {
        Answer answer = t.send(t.request("/health").method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
    }

    static HealthReport health(ConnectionState calendar, ConnectionState plane, Optional<Instant> lastSync) {
        return new HealthReport(SyncState.IDLE, 1, 2, 3, 4, lastSync, FakeReadStatus.peer(plane),
                Map.of("caldav", FakeReadStatus.peer(calendar)));
    }

    private static ActionOutcome outcome(OutcomeKind kind) {
        return new ActionOutcome("caldav", "cal", "uid-" + kind, "summary", ActionKind.CREATE, kind, Optional.empty());
    }
}
