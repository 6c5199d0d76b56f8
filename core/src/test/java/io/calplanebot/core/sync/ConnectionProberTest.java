package io.calplanebot.core.sync;

import io.calplanebot.core.port.in.ConnectionState;
import io.calplanebot.core.port.in.HealthReport;
import io.calplanebot.core.port.in.PeerHealth;
import io.calplanebot.core.port.in.RunSyncCommand;
import io.calplanebot.core.port.out.IssueSourceException;
import io.calplanebot.core.testing.ManualScheduler;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionProberTest {
    private static final ProbeTiming TIMING =
            new ProbeTiming(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(5));

    private final ServiceHarness h = new ServiceHarness();
    private final ManualScheduler scheduler = new ManualScheduler(h.clock);
    private final ScriptedIssueSource source = new ScriptedIssueSource(h.source);
    private final SyncEngine engine = SyncEngine.builder().issueSource(source).calendarStore(h.store)
            .mapper(SyncFixtures.MAPPER).clock(h.clock).background(Runnable::run)
            .probes(scheduler, TIMING).build();
    private final Instant start = h.clock.instant();

    private HealthReport health() {
        return engine.status().health();
    }

    @Test
    void health_neverContactsAPeer_andIsUnknownBeforeTheFirstProbe() {
        engine.connectionProber().orElseThrow().start();

        HealthReport health = health();

        assertThat(source.probes()).isEmpty();
        assertThat(source.retryingChecks()).isZero();
        assertThat(health.issueSource()).isEqualTo(PeerHealth.UNKNOWN);
        assertThat(health.targets()).containsEntry("calendar", PeerHealth.UNKNOWN);
        assertThat(health.healthy()).isTrue();
        assertThat(scheduler.nextDue()).contains(start.plusSeconds(1));
    }

    @Test
    void probes_runSoonAfterStart_withTheShortTimeout_andNeverTheRetryingCheck() {
        engine.connectionProber().orElseThrow().start();

        scheduler.advance(Duration.ofSeconds(1));

        assertThat(source.probes()).containsExactly(Duration.ofSeconds(5));
        assertThat(source.retryingChecks()).isZero();
        Instant probedAt = start.plusSeconds(1);
        assertThat(health().issueSource()).isEqualTo(PeerHealth.healthy(probedAt, probedAt));
        assertThat(health().targets().get("calendar")).isEqualTo(PeerHealth.healthy(probedAt, probedAt));
    }

    @Test
    void aPeerThatIsDown_isUnhealthySinceTheFirstFailedProbe_withTheErrorInWords() {
        engine.connectionProber().orElseThrow().start();
        scheduler.advance(Duration.ofSeconds(1));
        h.source.setDown(true);

        scheduler.advance(Duration.ofSeconds(30));
        scheduler.advance(Duration.ofSeconds(30));

        PeerHealth plane = health().issueSource();
        assertThat(plane.state()).isEqualTo(ConnectionState.UNHEALTHY);
        assertThat(plane.since()).contains(start.plusSeconds(31));
        assertThat(plane.checkedAt()).contains(start.plusSeconds(61));
        assertThat(plane.error()).contains("issue source is down");
        assertThat(health().healthy()).isFalse();

        h.source.setDown(false);
        scheduler.advance(Duration.ofSeconds(30));
        assertThat(health().issueSource()).isEqualTo(PeerHealth.healthy(start.plusSeconds(91), start.plusSeconds(91)));
    }

    @Test
    void aCalendarTargetThatIsDown_makesTheCalendarConnectionUnhealthy() {
        h.store.setDown(true);
        engine.connectionProber().orElseThrow().start();

        scheduler.advance(Duration.ofSeconds(1));

        assertThat(health().calendarConnection()).isEqualTo(ConnectionState.UNHEALTHY);
        assertThat(health().targets().get("calendar").since()).contains(start.plusSeconds(1));
        assertThat(health().issueSourceConnection()).isEqualTo(ConnectionState.HEALTHY);
    }

    @Test
    void aPeerARealRequestJustToldAbout_isNotProbed() {
        engine.connectionProber().orElseThrow().start();
        scheduler.advance(Duration.ofSeconds(1));
        h.clock.advance(Duration.ofSeconds(20));
        engine.fullSync().runFullSync(RunSyncCommand.everything());

        scheduler.advance(Duration.ofSeconds(10));

        assertThat(source.probes()).as("only the first round probed").hasSize(1);
        assertThat(health().issueSource().checkedAt()).contains(start.plusSeconds(21));
        scheduler.advance(Duration.ofSeconds(30));
        assertThat(source.probes()).as("probed again once the sync's word is old").hasSize(2);
    }

    @Test
    void aRealRequestsObservation_replacesWhatAProbeSaid() {
        h.source.setDown(true);
        engine.connectionProber().orElseThrow().start();
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(health().issueSourceConnection()).isEqualTo(ConnectionState.UNHEALTHY);
        h.source.setDown(false);
        h.clock.advance(Duration.ofSeconds(5));

        engine.fullSync().runFullSync(RunSyncCommand.everything());

        assertThat(health().issueSource()).isEqualTo(PeerHealth.healthy(start.plusSeconds(6), start.plusSeconds(6)));
    }

    @Test
    void aProbeThatEndsAfterARealRequestAnswered_doesNotOverwriteIt() {
        engine.connectionProber().orElseThrow().start();
        source.beforeProbe(() -> {
            engine.fullSync().runFullSync(RunSyncCommand.everything());
            h.clock.advance(Duration.ofSeconds(5));
            throw new IssueSourceException(IssueSourceException.Reason.UNREACHABLE, "probe timed out");
        });

        scheduler.advance(Duration.ofSeconds(1));

        assertThat(health().issueSource()).isEqualTo(PeerHealth.healthy(start.plusSeconds(1), start.plusSeconds(1)));
    }

    @Test
    void aProbeThatBreaksUnexpectedly_marksThePeerUnhealthy_andTheRoundsGoOn() {
        engine.connectionProber().orElseThrow().start();
        source.beforeProbe(() -> {
            throw new IllegalStateException();
        });

        scheduler.advance(Duration.ofSeconds(31));

        assertThat(source.probes()).hasSize(2);
        assertThat(health().issueSource().error()).contains("IllegalStateException");
        assertThat(health().targets().get("calendar").state()).isEqualTo(ConnectionState.HEALTHY);
    }

    @Test
    void closingTheEngine_stopsTheProbes() {
        engine.connectionProber().orElseThrow().start();

        engine.close();

        assertThat(scheduler.scheduled()).isZero();
    }
}
