package io.calplanebot.core.sync;

import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.webhook.ChangeAction;
import io.calplanebot.core.domain.webhook.IssueChanged;
import io.calplanebot.core.port.in.ActionOutcome;
import io.calplanebot.core.port.in.ConnectionState;
import io.calplanebot.core.port.in.HealthReport;
import io.calplanebot.core.port.in.PeerHealth;
import io.calplanebot.core.port.in.RunResult;
import io.calplanebot.core.port.in.RunSyncCommand;
import io.calplanebot.core.port.in.SyncInProgressException;
import io.calplanebot.core.port.in.SyncReport;
import io.calplanebot.core.port.in.SyncState;
import io.calplanebot.core.port.in.SyncStatus;
import io.calplanebot.core.port.in.SyncTicket;
import io.calplanebot.core.port.out.IssueSourceException;
import io.calplanebot.core.port.out.SyncListener;
import io.calplanebot.core.testing.Issues;
import io.calplanebot.core.testing.ManualScheduler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.calplanebot.core.sync.ServiceHarness.MOB;
import static io.calplanebot.core.sync.ServiceHarness.WEB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatusServiceTest {
    private final ServiceHarness h = new ServiceHarness();

    private Issue put(int seq) {
        return h.put(Issues.anIssue().withSequenceId(seq).build());
    }

    @Test
    void status_isIdleWithNothingToReport_beforeTheFirstRun() {
        SyncStatus status = h.service().status();
        assertThat(status.state()).isEqualTo(SyncState.IDLE);
        assertThat(status.lastRun()).isEmpty();
        assertThat(status.nextRun()).isEmpty();
        assertThat(status.queueLength()).isZero();
    }

    @Test
    void status_reportsTheLastRun_withStartDurationResultAndCounts() {
        put(1);
        put(2);
        Instant start = h.clock.instant();
        ServiceHarness.TestEngine service = h.builder().listener(new SyncListener() {
            @Override
            public void actionCompleted(ActionOutcome outcome) {
                h.clock.advance(Duration.ofMillis(1500));
            }
        }).build();

        SyncReport report = service.runFullSync(RunSyncCommand.everything());

        SyncStatus status = service.status();
        assertThat(status.state()).isEqualTo(SyncState.IDLE);
        assertThat(status.lastRun()).contains(report);
        assertThat(report.startedAt()).isEqualTo(start);
        assertThat(report.duration()).isEqualTo(Duration.ofSeconds(3));
        assertThat(report.result()).isEqualTo(RunResult.SUCCESS);
        assertThat(report.counts().created()).isEqualTo(2);
        assertThat(report.errors()).isEmpty();
        assertThat(service.health().lastSync()).contains(start.plusSeconds(3));
    }

    @Test
    void status_isError_afterAPartialRun_andIdleAgainAfterASuccess() {
        put(1);
        ServiceHarness.TestEngine service = h.service();
        h.store.failNextWrites(1);

        SyncReport partial = service.runFullSync(RunSyncCommand.everything());

        assertThat(partial.result()).isEqualTo(RunResult.PARTIAL);
        assertThat(service.status().state()).isEqualTo(SyncState.ERROR);
        assertThat(service.status().lastRun().orElseThrow().errors()).isNotEmpty();

        service.runFullSync(RunSyncCommand.everything());
        assertThat(service.status().state()).isEqualTo(SyncState.IDLE);
    }

    @Test
    void status_isError_afterAFailedRun() {
        ServiceHarness.TestEngine service = h.service();
        h.source.setDown(true);

        service.runFullSync(RunSyncCommand.everything());

        assertThat(service.status().state()).isEqualTo(SyncState.ERROR);
        assertThat(service.status().lastRun().orElseThrow().result()).isEqualTo(RunResult.FAILED);
    }

    @Test
    void status_showsTheNextRunAndTheQueueLength_asTheSchedulerAndThePipelineReportThem() {
        ManualScheduler scheduler = new ManualScheduler(h.clock);
        SyncEngine engine = SyncEngine.builder().issueSource(h.source).calendarStore(h.store)
                .mapper(SyncFixtures.MAPPER).clock(h.clock).background(Runnable::run)
                .pipeline(scheduler, new PipelineTiming(Duration.ofSeconds(1), Duration.ofSeconds(1), 3))
                .periodic(scheduler, () -> new SyncSchedule(Duration.ofSeconds(300), true, false))
                .build();
        Instant next = h.clock.instant().plusSeconds(300);
        engine.periodicSync().orElseThrow().scheduleChanged();
        for (int i = 0; i < 4; i++) {
            engine.pipeline().offer(new IssueChanged(ChangeAction.UPDATED, "issue-" + i, MOB.id(), Optional.empty()),
                    io.calplanebot.core.domain.webhook.RawWebhook.of(java.util.Map.of(), new byte[] {(byte) i}));
        }

        assertThat(engine.status().status().nextRun()).contains(next);
        assertThat(engine.status().status().queueLength()).isEqualTo(4);

        scheduler.advance(Duration.ofSeconds(1));
        assertThat(engine.status().status().queueLength()).isZero();
        engine.close();
        assertThat(engine.status().status().nextRun()).isEmpty();
    }

    @Test
    void dryRun_leavesTheStatusAndCountersAlone() {
        put(1);
        ServiceHarness.TestEngine service = h.service();

        service.runFullSync(RunSyncCommand.dryRunOfEverything());

        assertThat(service.status().lastRun()).isEmpty();
        assertThat(service.health().eventsCreated()).isZero();
        assertThat(service.health().projectsSynced()).isZero();
    }

    @Test
    void health_countsProjectsAndEvents_acrossRunsAndAppliedChanges() {
        Issue a = put(1);
        Issue b = put(2);
        h.put(Issues.anIssue().inProject(WEB).withSequenceId(1).build());
        ServiceHarness.TestEngine service = h.service();
        service.runFullSync(RunSyncCommand.everything());
        h.put(Issues.from(a).withName("Renamed").build());
        h.source.remove(b.id());
        service.runFullSync(RunSyncCommand.everything());
        Issue c = put(3);

        service.apply(new IssueChanged(ChangeAction.CREATED, c.id(), MOB.id(), Optional.empty()));

        HealthReport health = service.health();
        assertThat(health.eventsCreated()).isEqualTo(4);
        assertThat(health.eventsUpdated()).isEqualTo(1);
        assertThat(health.eventsDeleted()).isEqualTo(1);
        assertThat(health.projectsSynced()).isEqualTo(2);
        assertThat(health.syncState()).isEqualTo(SyncState.IDLE);
    }

    @Test
    void health_leavesOutProjectsThatFailed() {
        put(1);
        h.put(Issues.anIssue().inProject(WEB).build());
        h.source.failListing(WEB.id(), true);
        ServiceHarness.TestEngine service = h.service();

        service.runFullSync(RunSyncCommand.everything());

        assertThat(service.health().projectsSynced()).isEqualTo(1);
    }

    @Test
    void health_isUnknownForEveryPeer_beforeAnythingWasHeard_andNeverAsksThem() {
        h.source.setDown(true);
        h.store.setDown(true);

        HealthReport health = h.service().health();

        assertThat(health.issueSourceConnection()).isEqualTo(ConnectionState.UNKNOWN);
        assertThat(health.calendarConnection()).isEqualTo(ConnectionState.UNKNOWN);
        assertThat(health.healthy()).isTrue();
        assertThat(health.lastSync()).isEmpty();
    }

    @Test
    void health_learnsFromASyncThatTheIssueSourceIsDown_andSinceWhen() {
        ServiceHarness.TestEngine service = h.service();
        service.runFullSync(RunSyncCommand.everything());
        assertThat(service.health().issueSourceConnection()).isEqualTo(ConnectionState.HEALTHY);
        h.source.setDown(true);
        h.clock.advance(Duration.ofSeconds(10));
        Instant down = h.clock.instant();

        service.runFullSync(RunSyncCommand.everything());
        h.clock.advance(Duration.ofSeconds(10));
        service.runFullSync(RunSyncCommand.everything());

        PeerHealth plane = service.health().issueSource();
        assertThat(plane.state()).isEqualTo(ConnectionState.UNHEALTHY);
        assertThat(plane.since()).contains(down);
        assertThat(plane.checkedAt()).contains(down.plusSeconds(10));
        assertThat(plane.error()).hasValueSatisfying(e -> assertThat(e).contains("issue source is down"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"AUTHENTICATION, UNHEALTHY", "UNREACHABLE, UNHEALTHY", "RATE_LIMITED, UNHEALTHY", "ACCESS_DENIED, HEALTHY",
            "NOT_FOUND, HEALTHY"})
    void health_judgesTheIssueSource_byTheFailureASyncMet(IssueSourceException.Reason reason, ConnectionState state) {
        ScriptedIssueSource failing = new ScriptedIssueSource(h.source).beforeListProjects(() -> {
            throw new IssueSourceException(reason, "listing projects failed");
        });
        ServiceHarness.TestEngine service = h.builder(failing).build();

        service.runFullSync(RunSyncCommand.everything());

        assertThat(service.health().issueSourceConnection()).isEqualTo(state);
    }

    @Test
    void runFullSync_refusesASecondRun_whileOneIsRunning() throws Exception {
        put(1);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ScriptedIssueSource blocking = new ScriptedIssueSource(h.source).beforeListProjects(() -> {
            entered.countDown();
            await(release);
        });
        ServiceHarness.TestEngine service = h.builder(blocking).build();

        CompletableFuture<SyncReport> first = CompletableFuture.supplyAsync(
                () -> service.runFullSync(RunSyncCommand.everything()));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        try {
            assertThat(service.status().state()).isEqualTo(SyncState.RUNNING);
            assertThat(service.isRunning()).isTrue();
            assertThatThrownBy(() -> service.runFullSync(RunSyncCommand.everything()))
                    .isInstanceOf(SyncInProgressException.class).hasMessageContaining("already running");
            assertThatThrownBy(() -> service.triggerFullSync(RunSyncCommand.dryRunOfEverything()))
                    .isInstanceOf(SyncInProgressException.class);
        } finally {
            release.countDown();
        }

        SyncReport report = first.get(5, TimeUnit.SECONDS);
        assertThat(report.counts().created()).isEqualTo(1);
        assertThat(service.status().state()).isEqualTo(SyncState.IDLE);
        assertThat(service.runFullSync(RunSyncCommand.everything()).result()).isEqualTo(RunResult.SUCCESS);
    }

    @Test
    void triggerFullSync_runsInTheBackground_andRefusesASecondTriggerUntilItEnds() {
        put(1);
        List<Runnable> queued = new ArrayList<>();
        ServiceHarness.TestEngine service = h.serviceWith(queued::add);

        SyncTicket ticket = service.triggerFullSync(RunSyncCommand.everything());

        assertThat(ticket.acceptedAt()).isEqualTo(h.clock.instant());
        assertThat(service.status().state()).isEqualTo(SyncState.RUNNING);
        assertThatThrownBy(() -> service.triggerFullSync(RunSyncCommand.everything()))
                .isInstanceOfSatisfying(SyncInProgressException.class,
                        e -> assertThat(e.runningSyncId()).isEqualTo(ticket.syncId()));
        assertThat(queued).hasSize(1);
        assertThat(h.store.writes()).isZero();

        queued.get(0).run();

        assertThat(service.status().state()).isEqualTo(SyncState.IDLE);
        assertThat(service.status().lastRun().orElseThrow().syncId()).isEqualTo(ticket.syncId());
        assertThat(h.store.writes()).isEqualTo(1);
        assertThat(service.triggerFullSync(RunSyncCommand.everything()).syncId()).isNotEqualTo(ticket.syncId());
    }

    @Test
    void triggerFullSync_releasesTheRun_whenTheExecutorRejectsIt() {
        ServiceHarness.TestEngine service = h.serviceWith(r -> {
            throw new java.util.concurrent.RejectedExecutionException("full");
        });

        assertThatThrownBy(() -> service.triggerFullSync(RunSyncCommand.everything()))
                .isInstanceOf(java.util.concurrent.RejectedExecutionException.class);
        assertThat(service.isRunning()).isFalse();
    }

    @Test
    void triggerFullSync_recordsAFailedRun_whenSomethingUnexpectedBreaksInTheBackground() {
        put(1);
        ScriptedIssueSource broken = new ScriptedIssueSource(h.source).beforeListIssues(() -> {
            throw new NullPointerException();
        });
        List<Runnable> queued = new ArrayList<>();
        ServiceHarness.TestEngine service = h.builder(broken).background(queued::add).build();
        service.triggerFullSync(RunSyncCommand.everything());

        queued.get(0).run();

        assertThat(service.status().state()).isEqualTo(SyncState.ERROR);
        assertThat(service.status().lastRun().orElseThrow().errors())
                .anySatisfy(e -> assertThat(e).contains("NullPointerException"));
    }

    @Test
    void listener_hearsTheStartAndTheEndOfARun() {
        put(1);
        List<String> heard = new ArrayList<>();
        ServiceHarness.TestEngine service = h.builder().listener(new SyncListener() {
            @Override
            public void syncStarted(String syncId, boolean dryRun) {
                heard.add("started " + dryRun);
            }

            @Override
            public void actionCompleted(ActionOutcome outcome) {
                heard.add(outcome.outcome().name());
            }

            @Override
            public void syncFinished(SyncReport report) {
                heard.add("finished " + report.result());
            }
        }).build();

        service.runFullSync(new RunSyncCommand(Set.of(), false, false));

        assertThat(heard).containsExactly("started false", "CREATED", "finished SUCCESS");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
