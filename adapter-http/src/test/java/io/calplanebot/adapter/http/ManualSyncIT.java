package io.calplanebot.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.mapping.IssueEventMapper;
import io.calplanebot.core.mapping.MappingSettings;
import io.calplanebot.core.sync.SyncEngine;
import io.calplanebot.core.testing.InMemoryCalendarStore;
import io.calplanebot.core.testing.InMemoryIssueSource;
import io.calplanebot.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /webhooks/sync} and {@code GET /webhooks/status} over core's real sync engine: the trigger only
 * starts a run, so what fails during the run shows in the status, never in the trigger's answer.
 */
class ManualSyncIT {
    private final InMemoryIssueSource plane = new InMemoryIssueSource()
            .addProject(new Project("project-uuid", "MP", "My Project"));
    private final InMemoryCalendarStore calendars = new InMemoryCalendarStore();

    private SyncEngine service(Executor background) {
        return SyncEngine.builder()
                .issueSource(plane)
                .calendarStore(calendars)
                .mapper(new IssueEventMapper(new MappingSettings("https://plane.example.com", "acme")))
                .clock(new MutableClock(TestApi.NOW))
                .background(background)
                .build();
    }

    @Test
    void trigger_answers200_andACalendarFailureDuringTheRun_showsInTheStatus() throws Exception {
        calendars.setDown(true);
        SyncEngine sync = service(runnable -> new Thread(runnable, "test-sync").start());
        try (TestApi t = TestApi.over(sync.fullSync(), sync.status())) {
            Answer answer = t.post("/webhooks/sync", new byte[0]);

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().path("status").asText()).isEqualTo("triggered");
            JsonNode status = awaitFinishedRun(t);
            assertThat(status.path("status").asText()).isEqualTo("error");
            assertThat(status.path("last_sync").path("status").asText()).isNotEqualTo("success");
            assertThat(status.path("last_sync").path("errors")).isNotEmpty();
        }
    }

    @Test
    void trigger_whileARunIsGoing_answers409_namingTheRunningSync() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        SyncEngine sync = service(runnable -> new Thread(() -> {
            await(release);
            runnable.run();
        }, "test-sync").start());
        try (TestApi t = TestApi.over(sync.fullSync(), sync.status())) {
            String running = t.post("/webhooks/sync", new byte[0]).json().path("sync_id").asText();

            JsonNode json = ErrorModel.assertError(t.post("/webhooks/sync", new byte[0]), 409, "SYNC_IN_PROGRESS");

            assertThat(json.path("details").path("sync_id").asText()).isEqualTo(running);
            release.countDown();
            assertThat(awaitFinishedRun(t).path("status").asText()).isEqualTo("idle");
        }
    }

    @Test
    void trigger_thatCannotStartTheRun_answers500_withoutTheReason_andTheNextTriggerWorks() {
        AtomicBoolean refuse = new AtomicBoolean(true);
        SyncEngine sync = service(runnable -> {
            if (refuse.get()) {
                throw new RejectedExecutionException("executor shut down at /srv/secret-path");
            }
            runnable.run();
        });
        try (TestApi t = TestApi.over(sync.fullSync(), sync.status())) {
            Answer refused = t.post("/webhooks/sync", new byte[0]);

            ErrorModel.assertError(refused, 500, "INTERNAL_ERROR");
            assertThat(refused.body()).doesNotContain("secret-path");
            refuse.set(false);
            assertThat(t.post("/webhooks/sync", new byte[0]).status()).isEqualTo(200);
        }
    }

    private static JsonNode awaitFinishedRun(TestApi t) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = t.get("/webhooks/status").json();
            if (!status.path("last_sync").isNull() && !status.path("status").asText().equals("running")) {
                return status;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the triggered sync did not finish within 10 s");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
