package io.calplanebot.core.sync;

import io.calplanebot.core.domain.webhook.ChangeAction;
import io.calplanebot.core.domain.webhook.IssueChanged;
import io.calplanebot.core.domain.webhook.RawWebhook;
import io.calplanebot.core.domain.webhook.WebhookNotification;
import io.calplanebot.core.port.out.SyncListener;
import io.calplanebot.core.port.out.TaskScheduler;
import io.calplanebot.core.state.InMemoryStateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The pipeline applying on several workers: subjects side by side, one subject's changes one after the other. */
class ParallelChangePipelineTest {
    private static final PipelineTiming TIMING = new PipelineTiming(Duration.ofMillis(50), Duration.ofMillis(50), 3);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final TaskScheduler scheduler = (delay, task) -> {
        var future = timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    };
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch bApplied = new CountDownLatch(1);
    private int deliveries;

    @AfterEach
    void stop() {
        timer.shutdownNow();
        workers.shutdownNow();
    }

    private void apply(WebhookNotification notification) {
        IssueChanged changed = (IssueChanged) notification;
        int now = running.incrementAndGet();
        mostAtOnce.accumulateAndGet(now, Math::max);
        events.add("start " + changed.issueId() + " " + changed.updatedAt().orElseThrow());
        try {
            if (changed.issueId().equals("a") && changed.updatedAt().get().equals(at(1))) {
                release.await(10, TimeUnit.SECONDS);
            }
            if (changed.issueId().equals("b")) {
                bApplied.countDown();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            events.add("end " + changed.issueId() + " " + changed.updatedAt().orElseThrow());
            running.decrementAndGet();
        }
    }

    private static Instant at(int second) {
        return Instant.parse("2026-11-27T10:00:00Z").plusSeconds(second);
    }

    private void offer(ChangePipeline pipeline, String issue, int second) {
        IssueChanged change = new IssueChanged(ChangeAction.UPDATED, issue, "p1", Optional.of(at(second)));
        pipeline.offer(change, RawWebhook.of(Map.of(), ("delivery " + deliveries++).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void changesToOtherIssues_areAppliedAlongside_butOneIssuesChanges_oneAfterTheOther() throws Exception {
        ChangePipeline pipeline = new ChangePipeline(this::apply, scheduler, Clock.systemUTC(), SyncListener.NONE,
                TIMING, new InMemoryStateStore(), "here", Duration.ofMinutes(1), workers, 2);

        offer(pipeline, "a", 1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!events.contains("start a " + at(1)) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(events).as("a's first change runs").contains("start a " + at(1));
        offer(pipeline, "a", 2);
        offer(pipeline, "b", 1);

        assertThat(bApplied.await(5, TimeUnit.SECONDS)).as("b is applied while a's first change still runs").isTrue();
        Thread.sleep(200);
        assertThat(events).doesNotContain("start a " + at(2));
        release.countDown();
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(10))).isTrue();

        assertThat(events.indexOf("start a " + at(2))).isGreaterThan(events.indexOf("end a " + at(1)));
        assertThat(mostAtOnce.get()).isEqualTo(2);
    }
}
