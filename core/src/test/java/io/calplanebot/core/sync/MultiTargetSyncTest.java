package io.calplanebot.core.sync;

import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.webhook.ChangeAction;
import io.calplanebot.core.domain.webhook.IssueChanged;
import io.calplanebot.core.port.in.ActionOutcome;
import io.calplanebot.core.port.in.ConnectionState;
import io.calplanebot.core.port.in.HealthReport;
import io.calplanebot.core.port.in.RunResult;
import io.calplanebot.core.port.in.RunSyncCommand;
import io.calplanebot.core.port.in.SyncReport;
import io.calplanebot.core.port.in.TargetReport;
import io.calplanebot.core.port.out.CalendarStore;
import io.calplanebot.core.port.out.SyncListener;
import io.calplanebot.core.testing.InMemoryCalendarStore;
import io.calplanebot.core.testing.InMemoryIssueSource;
import io.calplanebot.core.testing.Issues;
import io.calplanebot.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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

    @Test
    void aLocalTarget_isWrittenOneEventAtATime_whileTheOtherIsWritten_andEveryWriteIsHeardOneAtATime()
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(5);
        AtomicInteger localWriting = new AtomicInteger();
        AtomicInteger remoteWriting = new AtomicInteger();
        AtomicBoolean together = new AtomicBoolean();
        AtomicInteger hearing = new AtomicInteger();
        AtomicInteger mostHeardAtOnce = new AtomicInteger();
        for (int i = 0; i < 24; i++) {
            source.put(Issues.anIssue().withId(String.format("00000000-0000-4000-8000-%012d", i))
                    .withSequenceId(i + 1).withName("Issue " + i).build());
        }
        SyncEngine parallel = SyncEngine.builder().issueSource(source)
                .target(SyncTarget.local("builtin", slowCreates(builtin, localWriting, remoteWriting, together)))
                .target(new SyncTarget("caldav", slowCreates(caldav, remoteWriting, localWriting, together)))
                .mapper(SyncFixtures.MAPPER).clock(new MutableClock(Instant.parse("2026-11-27T10:00:00Z")))
                .background(Runnable::run).fullSyncWriters(pool, 4)
                .listener(new SyncListener() {
                    @Override
                    public void actionCompleted(ActionOutcome outcome) {
                        mostHeardAtOnce.accumulateAndGet(hearing.incrementAndGet(), Math::max);
                        try {
                            Thread.sleep(1);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        hearing.decrementAndGet();
                    }
                }).build();
        try {
            SyncReport report = parallel.fullSync().runFullSync(RunSyncCommand.everything());

            assertThat(report.result()).isEqualTo(RunResult.SUCCESS);
            assertThat(report.targets()).extracting(TargetReport::target).containsExactly("builtin", "caldav");
            assertThat(report.targets()).allSatisfy(t -> assertThat(t.counts().created()).isEqualTo(24));
            assertThat(together).as("the two targets written at the same time").isTrue();
            assertThat(mostLocal.get()).as("the local target's writes at once").isEqualTo(1);
            assertThat(mostHeardAtOnce.get()).as("writes heard at once").isEqualTo(1);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private final AtomicInteger mostLocal = new AtomicInteger();

    /**
     * {@code store}, with creates that take a while, counted in {@code writing} while they run; {@code together}
     * turns true when a create starts while {@code others} are running.
     */
    private CalendarStore slowCreates(CalendarStore store, AtomicInteger writing, AtomicInteger others,
                                      AtomicBoolean together) {
        boolean local = store == builtin;
        return (CalendarStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CalendarStore.class},
                (proxy, method, args) -> {
                    boolean create = method.getName().equals("create");
                    if (create) {
                        int now = writing.incrementAndGet();
                        if (local) {
                            mostLocal.accumulateAndGet(now, Math::max);
                        }
                        if (others.get() > 0) {
                            together.set(true);
                        }
                        Thread.sleep(4);
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (create) {
                            writing.decrementAndGet();
                        }
                    }
                });
    }
}
