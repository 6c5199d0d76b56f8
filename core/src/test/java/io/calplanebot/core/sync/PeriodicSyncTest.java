package io.calplanebot.core.sync;

import io.calplanebot.core.port.in.RunFullSyncUseCase;
import io.calplanebot.core.port.in.RunResult;
import io.calplanebot.core.port.in.RunSyncCommand;
import io.calplanebot.core.port.in.SyncInProgressException;
import io.calplanebot.core.port.in.SyncReport;
import io.calplanebot.core.port.in.SyncTicket;
import io.calplanebot.core.port.out.SyncListener;
import io.calplanebot.core.testing.ManualScheduler;
import io.calplanebot.core.testing.MutableClock;
import io.calplanebot.core.state.InMemoryStateStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The periodic full sync on a hand-moved clock. */
class PeriodicSyncTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final List<RunSyncCommand> runs = new ArrayList<>();
    private final AtomicReference<Optional<Instant>> nextRun = new AtomicReference<>(Optional.empty());
    private final AtomicReference<SyncSchedule> schedule =
            new AtomicReference<>(new SyncSchedule(Duration.ofMinutes(5), true, true));
    private boolean busy;

    private final RunFullSyncUseCase recorder = new RunFullSyncUseCase() {
        @Override
        public SyncReport runFullSync(RunSyncCommand command) {
            if (busy) {
                throw new SyncInProgressException("other");
            }
            runs.add(command);
            clock.advance(Duration.ofSeconds(20));
            return new SyncReport("s" + runs.size(), clock.instant(), Duration.ZERO, RunResult.SUCCESS, false,
                    List.of(), List.of(), 0, List.of(), List.of());
        }

        @Override
        public SyncTicket triggerFullSync(RunSyncCommand command) {
            throw new UnsupportedOperationException();
        }
    };

    private final SyncListener listener = new SyncListener() {
        @Override
        public void nextRunScheduled(Optional<Instant> when) {
            nextRun.set(when);
        }
    };

    private final InMemoryStateStore lease = new InMemoryStateStore();
    private final PeriodicSync periodic = new PeriodicSync(recorder, scheduler, clock, listener, schedule::get,
            lease);

    @Test
    void start_runsAFullSyncAtOnce_thenOneIntervalAfterEachRunEnds_andAnnouncesTheNextRun() {
        periodic.start();
        assertThat(nextRun.get()).contains(Instant.parse("2026-11-27T10:00:00Z"));

        scheduler.runDue();
        assertThat(runs).hasSize(1);
        assertThat(nextRun.get()).contains(Instant.parse("2026-11-27T10:05:20Z"));

        scheduler.advance(Duration.ofMinutes(5).plusSeconds(19));
        assertThat(runs).hasSize(1);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(runs).hasSize(2);
        assertThat(runs).allMatch(RunSyncCommand::forceDelete).noneMatch(RunSyncCommand::dryRun);

        periodic.close();
        assertThat(nextRun.get()).isEmpty();
        scheduler.advance(Duration.ofHours(1));
        assertThat(runs).hasSize(2);
    }

    @Test
    void aScheduledRun_isSkippedWhenAnotherReplicaFinishedOneLessThanHalfAnIntervalAgo_andPlannedAfterIt() {
        periodic.start();
        scheduler.runDue();
        assertThat(runs).hasSize(1);
        Instant ourNext = nextRun.get().orElseThrow();

        // Another replica ran a full sync in between, finishing two minutes before our next run.
        scheduler.advance(Duration.ofMinutes(3));
        var grant = lease.tryAcquire("other-replica", clock.instant(), Duration.ofMinutes(1)).orElseThrow();
        lease.release(grant, clock.instant());
        Instant theirs = clock.instant();
        scheduler.advance(Duration.between(clock.instant(), ourNext));

        assertThat(runs).as("skipped: the other replica's run is recent").hasSize(1);
        assertThat(nextRun.get()).contains(theirs.plus(Duration.ofMinutes(5)));
        scheduler.advance(Duration.ofMinutes(3));
        assertThat(runs).hasSize(2);
    }

    @Test
    void disabledPeriodicSync_runsNothing_untilTheScheduleIsTurnedOn() {
        schedule.set(new SyncSchedule(Duration.ofMinutes(1), false, false));
        periodic.start();
        scheduler.advance(Duration.ofHours(1));
        assertThat(runs).isEmpty();
        assertThat(nextRun.get()).isEmpty();

        schedule.set(new SyncSchedule(Duration.ofMinutes(1), true, false));
        periodic.scheduleChanged();
        assertThat(nextRun.get()).contains(clock.instant().plusSeconds(60));
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(runs).hasSize(1);
    }

    @Test
    void aChangedInterval_replacesTheRunAlreadyPlanned() {
        periodic.start();
        scheduler.runDue();
        schedule.set(new SyncSchedule(Duration.ofMinutes(30), true, false));
        periodic.scheduleChanged();

        scheduler.advance(Duration.ofMinutes(29));
        assertThat(runs).hasSize(1);
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(runs).hasSize(2);
        assertThat(scheduler.scheduled()).isEqualTo(1);
    }

    @Test
    void aRunThatFindsAnotherSyncRunning_isSkipped_andTheScheduleGoesOn() {
        busy = true;
        periodic.start();
        scheduler.runDue();
        assertThat(runs).isEmpty();
        assertThat(scheduler.scheduled()).isEqualTo(1);

        busy = false;
        scheduler.advance(Duration.ofMinutes(5));
        assertThat(runs).hasSize(1);
    }
}
