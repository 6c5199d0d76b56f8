package io.calplanebot.app.schedule;

import io.calplanebot.app.config.SyncConfig;
import io.calplanebot.core.port.in.RunFullSyncUseCase;
import io.calplanebot.core.port.in.RunResult;
import io.calplanebot.core.port.in.RunSyncCommand;
import io.calplanebot.core.port.in.SyncReport;
import io.calplanebot.core.port.in.SyncTicket;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SyncSchedulerTest {
    private final List<RunSyncCommand> runs = new CopyOnWriteArrayList<>();
    private final AtomicReference<Optional<Instant>> nextRun = new AtomicReference<>(Optional.empty());

    private final RunFullSyncUseCase recorder = new RunFullSyncUseCase() {
        @Override
        public SyncReport runFullSync(RunSyncCommand command) {
            runs.add(command);
            return new SyncReport("s" + runs.size(), Instant.EPOCH, Duration.ZERO, RunResult.SUCCESS, false,
                    List.of(), List.of(), 0, List.of());
        }

        @Override
        public SyncTicket triggerFullSync(RunSyncCommand command) {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void start_runsAFullSyncAtOnce_thenEveryInterval_andAnnouncesTheNextRun() {
        AtomicReference<SyncConfig> config = new AtomicReference<>(new SyncConfig(Duration.ofMillis(200), true, true));
        try (SyncScheduler scheduler = new SyncScheduler(recorder, config::get, nextRun::set, Clock.systemUTC())) {
            scheduler.start();

            await().atMost(Duration.ofSeconds(5)).until(() -> runs.size() >= 3);
            assertThat(runs).allMatch(RunSyncCommand::forceDelete).noneMatch(RunSyncCommand::dryRun);
            assertThat(nextRun.get()).isPresent();
        }
        assertThat(nextRun.get()).isEmpty();
    }

    @Test
    void disabledPeriodicSync_runsNothing_untilTheSettingIsTurnedOn() throws InterruptedException {
        AtomicReference<SyncConfig> config = new AtomicReference<>(new SyncConfig(Duration.ofMillis(100), false, false));
        try (SyncScheduler scheduler = new SyncScheduler(recorder, config::get, nextRun::set, Clock.systemUTC())) {
            scheduler.start();
            Thread.sleep(400);
            assertThat(runs).isEmpty();
            assertThat(nextRun.get()).isEmpty();

            config.set(new SyncConfig(Duration.ofMillis(100), true, false));
            scheduler.settingsChanged();

            await().atMost(Duration.ofSeconds(5)).until(() -> !runs.isEmpty());
        }
    }
}
