package io.calplanebot.core.sync;

import io.calplanebot.core.domain.webhook.ChangeAction;
import io.calplanebot.core.domain.webhook.IgnoredEvent;
import io.calplanebot.core.domain.webhook.IssueChanged;
import io.calplanebot.core.domain.webhook.IssueDeleted;
import io.calplanebot.core.domain.webhook.ProjectChanged;
import io.calplanebot.core.domain.webhook.WebhookNotification;
import io.calplanebot.core.port.in.WebhookReceipt.Disposition;
import io.calplanebot.core.port.out.SyncListener;
import io.calplanebot.core.testing.ManualScheduler;
import io.calplanebot.core.testing.MutableClock;
import io.calplanebot.core.domain.webhook.RawWebhook;
import io.calplanebot.core.state.InMemoryStateStore;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The webhook pipeline's policy on a hand-moved clock: coalescing, the repeat rule, retries. */
class ChangePipelineTest {
    private static final PipelineTiming TIMING = new PipelineTiming(Duration.ofMillis(300), Duration.ofSeconds(2), 3);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final List<WebhookNotification> applied = new ArrayList<>();
    private final List<String> heard = new ArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final InMemoryStateStore state = new InMemoryStateStore();
    private final ChangePipeline pipeline = new ChangePipeline(this::apply, scheduler, clock, listener(), TIMING,
            state, "here", Duration.ofMinutes(2));
    private Runnable duringApply = () -> {
    };

    /** Records the change, or fails while {@code failuresLeft} is positive. */
    private void apply(WebhookNotification notification) {
        duringApply.run();
        if (failuresLeft.getAndDecrement() > 0) {
            throw new IllegalStateException("calendar down");
        }
        applied.add(notification);
    }

    private SyncListener listener() {
        return new SyncListener() {
            @Override
            public void changeSkipped(WebhookNotification notification, String why) {
                heard.add("skipped: " + why);
            }

            @Override
            public void changeAbandoned(WebhookNotification notification, int attempts, RuntimeException lastError) {
                heard.add("abandoned after " + attempts + ": " + lastError.getMessage());
            }
        };
    }

    private static IssueChanged changed(String issue, String at) {
        return new IssueChanged(ChangeAction.UPDATED, issue, "p1", Optional.ofNullable(at).map(Instant::parse));
    }

    private static byte[] body(Object notification) {
        return notification.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Disposition offer(WebhookNotification notification) {
        return pipeline.offer(notification, RawWebhook.of(Map.of(), body(notification)));
    }

    @Test
    void offer_appliesTheFirstDeliveryForASubject_atOnce() {
        offer(changed("a", "2026-11-27T10:00:00Z"));

        scheduler.runDue();

        assertThat(applied).containsExactly(changed("a", "2026-11-27T10:00:00Z"));
        assertThat(pipeline.pending()).isZero();
    }

    @Test
    void offer_holdsAFollowUpForTheSettleTime_thenAppliesOnce() {
        offer(changed("a", "2026-11-27T10:00:00Z"));
        scheduler.runDue();
        scheduler.advance(Duration.ofMillis(100));
        offer(changed("a", "2026-11-27T10:00:01Z"));

        scheduler.advance(Duration.ofMillis(299));
        assertThat(applied).hasSize(1);
        assertThat(pipeline.pending()).isEqualTo(1);

        scheduler.advance(Duration.ofMillis(1));
        assertThat(applied).containsExactly(changed("a", "2026-11-27T10:00:00Z"), changed("a", "2026-11-27T10:00:01Z"));
        assertThat(pipeline.pending()).isZero();
    }

    @Test
    void offer_appliesAtOnceAgain_onceTheSubjectWasQuietForTheSettleTime() {
        offer(changed("a", "2026-11-27T10:00:00Z"));
        scheduler.runDue();
        scheduler.advance(Duration.ofSeconds(5));

        offer(changed("a", "2026-11-27T10:00:05Z"));
        scheduler.runDue();

        assertThat(applied).hasSize(2);
    }

    @Test
    void offer_coalescesTheFollowUpsOfABurstForOneIssueIntoOneApply_ofTheNewestChange() {
        for (int i = 0; i < 5; i++) {
            offer(changed("a", "2026-11-27T10:00:0" + i + "Z"));
            scheduler.advance(Duration.ofMillis(50));
        }
        offer(changed("b", null));

        scheduler.advance(Duration.ofSeconds(1));

        assertThat(applied).containsExactlyInAnyOrder(changed("a", "2026-11-27T10:00:00Z"),
                changed("a", "2026-11-27T10:00:04Z"), changed("b", null));
    }

    @Test
    void offer_neverLetsAnOlderUpdateReplaceANewerOne_queuedOrApplied() {
        offer(changed("a", "2026-11-27T10:00:05Z"));
        offer(changed("a", "2026-11-27T10:00:01Z"));
        scheduler.advance(Duration.ofSeconds(1));

        assertThat(offer(changed("a", "2026-11-27T09:00:00Z"))).isEqualTo(Disposition.OUTDATED);
        scheduler.advance(Duration.ofSeconds(1));

        assertThat(applied).containsExactly(changed("a", "2026-11-27T10:00:05Z"));
        assertThat(heard).as("an outdated delivery is told by its disposition alone").isEmpty();
    }

    @Test
    void offer_letsADeletionReplaceAQueuedUpdate() {
        offer(changed("a", "2026-11-27T10:00:05Z"));
        IssueDeleted deleted = new IssueDeleted("a", Optional.empty());
        offer(deleted);

        scheduler.advance(Duration.ofSeconds(1));

        assertThat(applied).containsExactly(deleted);
    }

    @Test
    void offer_answersDuplicate_forAnExactRepeatOfTheBody_andAppliesItOnce() {
        IssueChanged change = changed("a", "2026-11-27T10:00:05Z");
        assertThat(offer(change)).isEqualTo(Disposition.ACCEPTED);
        assertThat(offer(change)).isEqualTo(Disposition.DUPLICATE);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(offer(change)).isEqualTo(Disposition.DUPLICATE);
        scheduler.advance(Duration.ofSeconds(1));

        assertThat(applied).containsExactly(change);
    }

    @Test
    void offer_ignoresEventsWeDoNotMirror() {
        assertThat(offer(new IgnoredEvent("cycle", "created"))).isEqualTo(Disposition.IGNORED);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(applied).isEmpty();
        assertThat(scheduler.scheduled()).isZero();
    }

    @Test
    void offer_keepsIssuesAndProjectsApart() {
        offer(changed("a", null));
        offer(new ProjectChanged(ChangeAction.UPDATED, "a"));
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(applied).hasSize(2);
    }

    @Test
    void aFailedApply_isRetriedAfterAGrowingDelay_andReportsThePendingCount() {
        failuresLeft.set(2);
        offer(changed("a", null));
        assertThat(pipeline.pending()).isEqualTo(1);

        scheduler.runDue();
        assertThat(applied).isEmpty();
        assertThat(pipeline.pending()).as("waiting for the first retry").isEqualTo(1);

        scheduler.advance(Duration.ofMillis(1999));
        assertThat(applied).isEmpty();
        scheduler.advance(Duration.ofMillis(1));
        assertThat(applied).as("the first retry also fails").isEmpty();

        scheduler.advance(Duration.ofMillis(3999));
        assertThat(applied).isEmpty();
        scheduler.advance(Duration.ofMillis(1));
        assertThat(applied).containsExactly(changed("a", null));
        assertThat(pipeline.pending()).isZero();
    }

    @Test
    void aChangeThatKeepsFailing_isGivenUpAfterThreeAttempts_andTheListenerHearsIt() {
        failuresLeft.set(10);
        offer(changed("a", null));

        scheduler.advance(Duration.ofMinutes(1));

        assertThat(applied).isEmpty();
        assertThat(pipeline.pending()).isZero();
        assertThat(scheduler.scheduled()).isZero();
        assertThat(heard).containsExactly("abandoned after 3: calendar down");
    }

    @Test
    void aChangeArrivingWhileItsSubjectIsBeingApplied_isAppliedAfterwards() {
        IssueChanged later = changed("a", "2026-11-27T10:00:09Z");
        duringApply = () -> {
            duringApply = () -> {
            };
            offer(later);
        };
        offer(changed("a", "2026-11-27T10:00:01Z"));

        scheduler.runDue();
        assertThat(pipeline.pending()).isEqualTo(1);
        scheduler.advance(Duration.ofMillis(300));

        assertThat(applied).containsExactly(changed("a", "2026-11-27T10:00:01Z"), later);
        assertThat(pipeline.pending()).isZero();
    }

    @Test
    void aClosedPipeline_refusesNewChanges_andDoesNotRememberThem() {
        pipeline.close();
        assertThatThrownBy(() -> offer(changed("a", null))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shutting down");
        assertThat(pipeline.pending()).isZero();
    }

    @Test
    void awaitIdle_returnsAtOnce_whenNothingIsPending() throws InterruptedException {
        assertThat(pipeline.awaitIdle(Duration.ZERO)).isTrue();
        offer(changed("a", null));
        assertThat(pipeline.awaitIdle(Duration.ZERO)).isFalse();
    }
}
