package io.calplanebot.app.pipeline;

import io.calplanebot.core.domain.webhook.ChangeAction;
import io.calplanebot.core.domain.webhook.IssueChanged;
import io.calplanebot.core.domain.webhook.IssueDeleted;
import io.calplanebot.core.domain.webhook.WebhookNotification;
import io.calplanebot.core.port.in.ChangeResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class QueuedChangeDispatcherTest {
    private final List<WebhookNotification> applied = new CopyOnWriteArrayList<>();
    private QueuedChangeDispatcher dispatcher;

    @AfterEach
    void close() {
        dispatcher.close();
    }

    private static IssueChanged changed(String issue, String at) {
        return new IssueChanged(ChangeAction.UPDATED, issue, "p1", Optional.ofNullable(at).map(Instant::parse));
    }

    @Test
    void dispatch_coalescesABurstForOneIssueIntoOneApply() throws InterruptedException {
        dispatcher = new QueuedChangeDispatcher(n -> record(n), Duration.ofMillis(200), Duration.ofMillis(10));
        for (int i = 0; i < 5; i++) {
            dispatcher.dispatch(changed("a", "2026-11-27T10:00:0" + i + "Z"));
        }
        dispatcher.dispatch(changed("b", null));

        assertThat(dispatcher.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(applied).hasSize(2);
        assertThat(applied).contains(changed("a", "2026-11-27T10:00:04Z"), changed("b", null));
    }

    @Test
    void dispatch_neverLetsAnOlderUpdateReplaceANewerOne() throws InterruptedException {
        dispatcher = new QueuedChangeDispatcher(n -> record(n), Duration.ofMillis(200), Duration.ofMillis(10));
        dispatcher.dispatch(changed("a", "2026-11-27T10:00:05Z"));
        dispatcher.dispatch(changed("a", "2026-11-27T10:00:01Z"));
        assertThat(dispatcher.awaitIdle(Duration.ofSeconds(5))).isTrue();

        dispatcher.dispatch(changed("a", "2026-11-27T09:00:00Z"));
        assertThat(dispatcher.awaitIdle(Duration.ofSeconds(5))).isTrue();

        assertThat(applied).containsExactly(changed("a", "2026-11-27T10:00:05Z"));
    }

    @Test
    void dispatch_letsADeletionReplaceAQueuedUpdate() throws InterruptedException {
        dispatcher = new QueuedChangeDispatcher(n -> record(n), Duration.ofMillis(200), Duration.ofMillis(10));
        dispatcher.dispatch(changed("a", "2026-11-27T10:00:05Z"));
        IssueDeleted deleted = new IssueDeleted("a", Optional.empty());
        dispatcher.dispatch(deleted);
        assertThat(dispatcher.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(applied).containsExactly(deleted);
    }

    @Test
    void dispatch_retriesAFailedApply_andReportsThePendingCount() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        dispatcher = new QueuedChangeDispatcher(n -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("calendar down");
            }
            return record(n);
        }, Duration.ofMillis(100), Duration.ofMillis(20));
        dispatcher.dispatch(changed("a", null));
        assertThat(dispatcher.pending()).isEqualTo(1);

        assertThat(dispatcher.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(calls).hasValue(3);
        assertThat(applied).hasSize(1);
        assertThat(dispatcher.pending()).isZero();
    }

    private ChangeResult record(WebhookNotification notification) {
        applied.add(notification);
        return ChangeResult.nothing("recorded");
    }
}
