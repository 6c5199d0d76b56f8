package io.calplanebot.core.sync;

import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.webhook.ChangeAction;
import io.calplanebot.core.domain.webhook.IssueChanged;
import io.calplanebot.core.port.in.ConnectionState;
import io.calplanebot.core.port.in.HealthReport;
import io.calplanebot.core.port.in.RunResult;
import io.calplanebot.core.port.in.RunSyncCommand;
import io.calplanebot.core.port.in.SyncReport;
import io.calplanebot.core.port.in.TargetReport;
import io.calplanebot.core.testing.InMemoryCalendarStore;
import io.calplanebot.core.testing.InMemoryIssueSource;
import io.calplanebot.core.testing.Issues;
import io.calplanebot.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static io.calplanebot.core.sync.ServiceHarness.MOB;
import static io.calplanebot.core.sync.SyncFixtures.eventOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A sync that writes to two targets: each gets its own plan, and one that fails never blocks the other. */
class MultiTargetSyncTest {
    private final InMemoryIssueSource source = new InMemoryIssueSource();
    private final InMemoryCalendarStore builtin = new InMemoryCalendarStore();
    private final InMemoryCalendarStore caldav = new InMemoryCalendarStore();
    private final SyncEngine engine = SyncEngine.builder().issueSource(source)
            .target(new SyncTarget("builtin", builtin)).target(new SyncTarget("caldav", caldav))
            .mapper(SyncFixtures.MAPPER).clock(new MutableClock(Instant.parse("2026-11-27T10:00:00Z")))
            .background(Runnable::run).build();
    private final Issue issue = Issues.anIssue().withSequenceId(5).withName("Ship it").build();

    private SyncReport sync() {
        return engine.fullSync().runFullSync(RunSyncCommand.everything());
    }

    @Test
    void aFullSync_writesEveryTarget_andReportsEachOnItsOwn() {
        source.put(issue);

        SyncReport report = sync();

        assertThat(report.result()).isEqualTo(RunResult.SUCCESS);
        assertThat(report.targets()).extracting(TargetReport::target).containsExactly("builtin", "caldav");
        assertThat(report.targets()).allSatisfy(t -> assertThat(t.counts().created()).isEqualTo(1));
        assertThat(report.counts().created()).isEqualTo(2);
        assertThat(report.outcomes()).extracting(o -> o.target()).containsExactly("builtin", "caldav");
        for (InMemoryCalendarStore store : new InMemoryCalendarStore[] {builtin, caldav}) {
            assertThat(store.listOwnedEvents(store.findCalendar(MOB).orElseThrow()))
                    .singleElement().satisfies(e -> assertThat(e.event()).isEqualTo(eventOf(issue)));
        }
        assertThat(sync().counts().written()).as("idempotent on both").isZero();
    }

    @Test
    void aTargetThatIsDown_doesNotKeepTheOtherFromBeingWritten() {
        source.put(issue);
        caldav.setDown(true);

        SyncReport report = sync();

        assertThat(report.result()).isEqualTo(RunResult.PARTIAL);
        assertThat(report.targets().get(0).result()).isEqualTo(RunResult.SUCCESS);
        assertThat(report.targets().get(1).result()).isEqualTo(RunResult.FAILED);
        assertThat(report.errors()).isNotEmpty().allMatch(error -> error.startsWith("[caldav] "));
        assertThat(builtin.listOwnedEvents(builtin.findCalendar(MOB).orElseThrow())).hasSize(1);

        HealthReport health = engine.status().health();
        assertThat(health.targets().get("builtin").state()).isEqualTo(ConnectionState.HEALTHY);
        assertThat(health.targets().get("caldav").state()).isEqualTo(ConnectionState.UNHEALTHY);
        assertThat(health.calendarConnection()).as("the worst target").isEqualTo(ConnectionState.UNHEALTHY);

        caldav.setDown(false);
        SyncReport next = sync();
        assertThat(next.result()).isEqualTo(RunResult.SUCCESS);
        assertThat(next.targets().get(1).counts().created()).isEqualTo(1);
        assertThat(next.targets().get(0).counts().written()).isZero();
    }

    @Test
    void aChange_isWrittenToEveryTarget_evenWhenOneFails_andThenReportsTheFailure() {
        source.put(issue);
        caldav.setDown(true);
        IssueChanged change = new IssueChanged(ChangeAction.CREATED, issue.id(), MOB.id(), Optional.empty());

        assertThatThrownBy(() -> engine.changes().apply(change)).hasMessageContaining("unreachable");
        assertThat(builtin.listOwnedEvents(builtin.findCalendar(MOB).orElseThrow())).hasSize(1);

        caldav.setDown(false);
        assertThat(engine.changes().apply(change).outcomes()).singleElement()
                .satisfies(o -> assertThat(o.target()).isEqualTo("caldav"));
    }

    @Test
    void aDryRun_plansEveryTarget_andCreatesNoCalendar() {
        source.put(issue);

        SyncReport report = engine.fullSync().runFullSync(RunSyncCommand.dryRunOfEverything());

        assertThat(report.targets()).allSatisfy(t -> assertThat(t.counts().planned()).isEqualTo(1));
        assertThat(report.outcomes()).allSatisfy(o -> assertThat(o.calendar()).isEqualTo("(new) Plane: Mobile App"));
        assertThat(builtin.calendars()).isEmpty();
        assertThat(caldav.calendars()).isEmpty();
    }
}
