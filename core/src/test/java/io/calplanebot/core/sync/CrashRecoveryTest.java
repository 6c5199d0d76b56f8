package io.calplanebot.core.sync;

import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.webhook.ChangeAction;
import io.calplanebot.core.domain.webhook.IssueChanged;
import io.calplanebot.core.domain.webhook.RawWebhook;
import io.calplanebot.core.domain.webhook.WebhookRejectedException;
import io.calplanebot.core.port.in.RunSyncCommand;
import io.calplanebot.core.port.in.SyncInProgressException;
import io.calplanebot.core.port.in.WebhookReceipt.Disposition;
import io.calplanebot.core.port.out.IssueWebhookDecoder;
import io.calplanebot.core.port.out.StateStore;
import io.calplanebot.core.state.InMemoryStateStore;
import io.calplanebot.core.testing.Issues;
import io.calplanebot.core.testing.ManualScheduler;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static io.calplanebot.core.sync.ServiceHarness.MOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Deliveries that were answered survive the process that took them, and replicas share one full sync. */
class CrashRecoveryTest {
    private static final PipelineTiming TIMING = new PipelineTiming(Duration.ofSeconds(1), Duration.ofSeconds(1), 3);
    private static final InboxTiming INBOX = new InboxTiming(Duration.ofSeconds(60), Duration.ofSeconds(30),
            Duration.ofSeconds(10));

    /** Reads {@code issue updated <id> <project> <updated_at>}; {@code bad} is refused. */
    private static final IssueWebhookDecoder DECODER = webhook -> {
        String[] words = new String(webhook.body(), StandardCharsets.UTF_8).split(" ");
        if (words[0].equals("bad")) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.INVALID_SIGNATURE, "Invalid signature");
        }
        return new IssueChanged(ChangeAction.UPDATED, words[2], words[3], Optional.of(Instant.parse(words[4])));
    };

    private final ServiceHarness h = new ServiceHarness();
    private final ManualScheduler scheduler = new ManualScheduler(h.clock);
    private final Issue issue = h.put(Issues.anIssue().withSequenceId(7)
            .build());

    private SyncEngine engine(StateStore state, String name) {
        return SyncEngine.builder().issueSource(h.source).calendarStore(h.store).mapper(SyncFixtures.MAPPER)
                .webhookDecoder(DECODER).clock(h.clock).background(Runnable::run).pipeline(scheduler, TIMING)
                .state(state, name).crashRecovery(scheduler, INBOX).build();
    }

    private static RawWebhook raw(String body) {
        return RawWebhook.of(Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    private String update(String at) {
        return "issue updated " + issue.id() + " " + MOB.id() + " " + at;
    }

    private int events() {
        return h.store.calendars().stream().mapToInt(c -> h.store.allEvents(c).size()).sum();
    }

    @Test
    void aDeliveryAnsweredButNotApplied_whenTheProcessStops_isAppliedByTheNextProcessFromTheInbox() {
        StateStore state = new InMemoryStateStore();
        SyncEngine first = engine(state, "first");
        assertThat(first.webhooks().handle(raw(update("2026-11-27T09:00:00Z"))).disposition())
                .isEqualTo(Disposition.ACCEPTED);
        first.close();
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(events()).isZero();
        assertThat(state.inbox().open()).isEqualTo(1);

        SyncEngine second = engine(state, "second");
        second.crashRecovery().orElseThrow().start();
        scheduler.advance(Duration.ZERO);

        assertThat(events()).isEqualTo(1);
        assertThat(state.inbox().open()).isZero();
        second.close();
    }

    @Test
    void aDeliveryThatADeadProcessWasApplying_isTakenOverAtStart_despiteItsClaim_whenNoOtherProcessSharesTheStore() {
        InMemoryStateStore state = new InMemoryStateStore();
        String id = state.store(raw(update("2026-11-27T09:00:00Z")), "issue:" + issue.id(), Optional.empty(),
                h.clock.instant()).orElseThrow();
        state.claim(java.util.Set.of(id), "dead", h.clock.instant(), h.clock.instant().plusSeconds(3600));

        SyncEngine next = engine(state, "next");
        next.crashRecovery().orElseThrow().start();
        scheduler.advance(Duration.ZERO);

        assertThat(events()).isEqualTo(1);
        assertThat(state.inbox().open()).isZero();
        next.close();
    }

    @Test
    void theLastFinishedSync_isTheStatusOfTheNextProcess_andOfOtherReplicas() {
        StateStore state = InMemoryStateStore.sharedByReplicas();
        SyncEngine first = engine(state, "first");
        h.source.setDown(true);
        var report = first.fullSync().runFullSync(RunSyncCommand.everything());
        first.close();

        SyncEngine next = engine(state, "next");
        var status = next.status().status();

        assertThat(status.lastRun()).as("this process ran nothing yet").isEmpty();
        assertThat(status.lastRecordedRun()).contains(io.calplanebot.core.port.in.RecordedRun.of(report));
        assertThat(status.state()).isEqualTo(io.calplanebot.core.port.in.SyncState.ERROR);
        assertThat(next.status().health().lastSync()).contains(report.startedAt().plus(report.duration()));
        next.close();
    }

    @Test
    void withBackgroundProbes_statusAndHealthAnswerFromMemory_andNeverAskTheStateStore() {
        InMemoryStateStore backing = InMemoryStateStore.sharedByReplicas();
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean();
        io.calplanebot.core.port.out.SyncRunLog runs = new io.calplanebot.core.port.out.SyncRunLog() {
            @Override
            public void record(io.calplanebot.core.port.in.RecordedRun run) {
                backing.record(run);
            }

            @Override
            public Optional<io.calplanebot.core.port.in.RecordedRun> last() {
                asked.incrementAndGet();
                if (down.get()) {
                    throw new io.calplanebot.core.port.out.StateStoreException("database down", null);
                }
                return backing.last();
            }
        };
        StateStore state = new StateStore() {
            public io.calplanebot.core.port.out.WebhookInbox inbox() {
                return backing;
            }

            public io.calplanebot.core.port.out.AppliedChanges appliedChanges() {
                return backing;
            }

            public io.calplanebot.core.port.out.SyncLease syncLease() {
                return backing;
            }

            public io.calplanebot.core.port.out.SyncRunLog syncRuns() {
                return runs;
            }

            public boolean shared() {
                return true;
            }

            public void close() {
            }
        };
        SyncEngine first = engine(state, "first");
        var report = first.fullSync().runFullSync(RunSyncCommand.everything());
        first.close();
        SyncEngine next = SyncEngine.builder().issueSource(h.source).calendarStore(h.store)
                .mapper(SyncFixtures.MAPPER).webhookDecoder(DECODER).clock(h.clock).background(Runnable::run)
                .state(state, "next").probes(scheduler, new ProbeTiming(Duration.ofSeconds(1), Duration.ofSeconds(30),
                        Duration.ofSeconds(5))).build();
        next.connectionProber().orElseThrow().start();
        down.set(true);
        int before = asked.get();

        for (int i = 0; i < 5; i++) {
            assertThat(next.status().status().lastRecordedRun())
                    .contains(io.calplanebot.core.port.in.RecordedRun.of(report));
            assertThat(next.status().health().lastSync()).contains(report.startedAt().plus(report.duration()));
        }

        assertThat(asked.get()).as("status and health never asked the store").isEqualTo(before);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(asked.get()).as("the probe thread refreshes the view").isGreaterThan(before);
        assertThat(next.status().status().lastRecordedRun()).as("a store that fails keeps the view").isPresent();
        next.close();
    }

    @Test
    void anAppliedDelivery_isDoneInTheInbox_andARepeatOfItsBody_isADuplicate_evenForTheNextProcess() {
        StateStore state = new InMemoryStateStore();
        SyncEngine first = engine(state, "first");
        first.webhooks().handle(raw(update("2026-11-27T09:00:00Z")));
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(events()).isEqualTo(1);
        assertThat(state.inbox().open()).isZero();
        first.close();

        SyncEngine second = engine(state, "second");
        assertThat(second.webhooks().handle(raw(update("2026-11-27T09:00:00Z"))).disposition())
                .isEqualTo(Disposition.DUPLICATE);
        second.close();
    }

    @Test
    void theStaleRule_remembersAcrossProcesses_whatWasApplied() {
        StateStore state = new InMemoryStateStore();
        SyncEngine first = engine(state, "first");
        first.webhooks().handle(raw(update("2026-11-27T09:00:05Z")));
        scheduler.advance(Duration.ofSeconds(1));
        first.close();

        SyncEngine second = engine(state, "second");
        second.webhooks().handle(raw(update("2026-11-27T09:00:01Z")));

        assertThat(second.pipeline().pending()).isZero();
        assertThat(state.inbox().open()).isZero();
        second.close();
    }

    @Test
    void aDeliveryAnotherReplicaClaimed_isNotAppliedTwice() {
        InMemoryStateStore state = new InMemoryStateStore();
        SyncEngine one = engine(state, "one");
        one.webhooks().handle(raw(update("2026-11-27T09:00:00Z")));
        var id = state.takeOver("two", h.clock.instant(), h.clock.instant().plusSeconds(1),
                h.clock.instant().plusSeconds(60), 10);
        assertThat(id).hasSize(1);

        scheduler.advance(Duration.ofSeconds(1));

        assertThat(events()).isZero();
        assertThat(state.inbox().open()).isEqualTo(1);
        one.close();
    }

    @Test
    void aDeliveryWhoseSignatureNoLongerHolds_isDroppedFromTheInbox_notRetriedForever() {
        StateStore state = new InMemoryStateStore();
        state.inbox().store(raw("bad body"), "issue:x", Optional.empty(), h.clock.instant());

        SyncEngine engine = engine(state, "next");
        engine.crashRecovery().orElseThrow().start();
        scheduler.advance(Duration.ZERO);

        assertThat(state.inbox().open()).isZero();
        engine.close();
    }

    @Test
    void aFullSyncWhoseProcessDied_isRestartedByTheNextScan_onceItsLeaseRanOut() {
        InMemoryStateStore state = InMemoryStateStore.sharedByReplicas();
        state.tryAcquire("dead-sync", h.clock.instant(), Duration.ofSeconds(60));
        SyncEngine engine = engine(state, "survivor");
        engine.crashRecovery().orElseThrow().start();
        assertThat(events()).as("the lease still holds").isZero();

        h.clock.advance(Duration.ofSeconds(61));
        scheduler.advance(Duration.ofSeconds(10));

        assertThat(events()).isEqualTo(1);
        assertThat(state.current(h.clock.instant())).isEmpty();
        assertThat(state.lastFinished()).isPresent();
        engine.close();
    }

    @Test
    void atStart_aLeaseLeftByTheDeadPredecessorOfAnUnsharedStore_isFreedAtOnce_andItsSyncRunsAgain() {
        InMemoryStateStore state = new InMemoryStateStore();
        state.tryAcquire("killed-mid-sync", h.clock.instant(), Duration.ofSeconds(60));

        SyncEngine engine = engine(state, "restarted");
        engine.crashRecovery().orElseThrow().start();

        assertThat(events()).isEqualTo(1);
        assertThat(engine.fullSync().isRunning()).isFalse();
        engine.close();
    }

    @Test
    void aFullSync_isRefusedWhileAnotherReplicaHoldsTheLease_andRunsOnceItRunsOut() {
        StateStore state = new InMemoryStateStore();
        state.syncLease().tryAcquire("elsewhere", h.clock.instant(), Duration.ofSeconds(60));
        SyncEngine engine = engine(state, "here");

        assertThatThrownBy(() -> engine.fullSync().runFullSync(RunSyncCommand.everything()))
                .isInstanceOf(SyncInProgressException.class).hasMessageContaining("elsewhere");
        assertThat(engine.fullSync().isRunning()).isTrue();
        assertThat(events()).isZero();

        h.clock.advance(Duration.ofSeconds(61));
        engine.fullSync().runFullSync(RunSyncCommand.everything());
        assertThat(events()).isEqualTo(1);
        assertThat(state.syncLease().current(h.clock.instant())).isEmpty();
        assertThat(state.syncLease().lastFinished()).contains(h.clock.instant());
        engine.close();
    }
}
