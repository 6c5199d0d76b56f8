package io.calplanebot.core.sync;

import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.port.in.ActionOutcome;
import io.calplanebot.core.port.in.OutcomeKind;
import io.calplanebot.core.port.in.RunResult;
import io.calplanebot.core.port.in.RunSyncCommand;
import io.calplanebot.core.port.in.SyncReport;
import io.calplanebot.core.port.out.CalendarStore;
import io.calplanebot.core.port.out.CalendarStoreException;
import io.calplanebot.core.port.out.SyncListener;
import io.calplanebot.core.testing.InMemoryCalendarStore;
import io.calplanebot.core.testing.InMemoryIssueSource;
import io.calplanebot.core.testing.Issues;
import io.calplanebot.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full sync writing several events of a calendar at once: every event once, outcomes in the plan's order, fewer at
 * once after the store was found unreachable.
 */
class ParallelWritesTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final InMemoryCalendarStore memory = new InMemoryCalendarStore();
    private final AtomicInteger writing = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final List<ActionOutcome> heard = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> limits = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** The in-memory store, with creates that take a while and are counted while they run. */
    private CalendarStore slowCreates() {
        return (CalendarStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CalendarStore.class},
                (proxy, method, args) -> {
                    boolean create = method.getName().equals("create");
                    if (create) {
                        mostAtOnce.accumulateAndGet(writing.incrementAndGet(), Math::max);
                        Thread.sleep(5);
                    }
                    try {
                        return method.invoke(memory, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (create) {
                            writing.decrementAndGet();
                        }
                    }
                });
    }

    private SyncReport syncOf(int count, CalendarStore store) {
        return syncOf(count, store, RunSyncCommand.everything());
    }

    private SyncReport syncOf(int count, CalendarStore store, RunSyncCommand command) {
        InMemoryIssueSource source = new InMemoryIssueSource();
        for (int i = 0; i < count; i++) {
            source.put(Issues.anIssue().withId(String.format("00000000-0000-4000-8000-%012d", i))
                    .withSequenceId(i + 1).withName("Issue " + i).build());
        }
        return SyncEngine.builder().issueSource(source).calendarStore(store)
                .mapper(SyncFixtures.MAPPER).clock(new MutableClock(Instant.parse("2026-11-27T10:00:00Z")))
                .background(Runnable::run).fullSyncWriters(pool, 4)
                .listener(new SyncListener() {
                    @Override
                    public void writesAtOnce(String target, int writes) {
                        limits.add(writes);
                    }
                }).build().fullSync().runFullSync(command);
    }

    @Test
    void aFullSync_onAStoreThatAnswers_writesFourAtOnce() {
        SyncReport report = syncOf(80, slowCreates());

        assertThat(report.outcomes()).hasSize(80).allMatch(o -> o.outcome() == OutcomeKind.CREATED);
        assertThat(limits).as("the limits told").containsExactly(4);
        assertThat(mostAtOnce.get()).isEqualTo(4);
    }

    @Test
    void aDryRun_tellsNoWritesAtOnce_soTheGaugeKeepsWhatTheLastSyncLeft() {
        SyncReport report = syncOf(20, slowCreates(), RunSyncCommand.dryRunOfEverything());

        assertThat(report.outcomes()).hasSize(20).allMatch(o -> o.outcome() == OutcomeKind.PLANNED);
        assertThat(limits).as("the limits told").isEmpty();
        assertThat(mostAtOnce.get()).isZero();
    }

    @Test
    void aFullSync_onAStoreFoundUnreachable_writesFewerAtOnce_thenMoreAgainAsWritesSucceed() {
        AtomicInteger creates = new AtomicInteger();
        CalendarStore slow = slowCreates();
        CalendarStore failingAtFirst = (CalendarStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CalendarStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("create") && creates.incrementAndGet() <= 2) {
                        throw new CalendarStoreException(CalendarStoreException.Reason.UNREACHABLE,
                                "CalDAV server unreachable: 503 after 3 attempts");
                    }
                    try {
                        return method.invoke(slow, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });

        SyncReport report = syncOf(60, failingAtFirst);

        assertThat(report.outcomes()).filteredOn(o -> o.outcome() == OutcomeKind.FAILED).hasSize(2);
        assertThat(report.outcomes()).filteredOn(o -> o.outcome() == OutcomeKind.CREATED).hasSize(58);
        assertThat(limits).as("the limits told").startsWith(4, 2, 1).endsWith(4);
    }

    @Test
    void aFullSync_withFourWriters_writesEveryEventOnce_severalAtATime_andReportsInPlanOrder() {
        InMemoryIssueSource source = new InMemoryIssueSource();
        List<Issue> issues = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Issue issue = Issues.anIssue().withId(String.format("00000000-0000-4000-8000-%012d", i))
                    .withSequenceId(i + 1).withName("Issue " + i).build();
            issues.add(issue);
            source.put(issue);
        }
        SyncEngine engine = SyncEngine.builder().issueSource(source).calendarStore(slowCreates())
                .mapper(SyncFixtures.MAPPER).clock(new MutableClock(Instant.parse("2026-11-27T10:00:00Z")))
                .background(Runnable::run).fullSyncWriters(pool, 4)
                .listener(new SyncListener() {
                    @Override
                    public void actionCompleted(ActionOutcome outcome) {
                        heard.add(outcome);
                    }
                }).build();

        SyncReport report = engine.fullSync().runFullSync(RunSyncCommand.everything());

        assertThat(report.result()).isEqualTo(RunResult.SUCCESS);
        assertThat(report.outcomes()).hasSize(40).allMatch(o -> o.outcome() == OutcomeKind.CREATED);
        assertThat(memory.allEvents(memory.calendars().get(0))).hasSize(40);
        assertThat(heard).hasSize(40);
        assertThat(mostAtOnce.get()).as("writes overlapped").isBetween(2, 4);
        SyncReport sequential = SyncEngine.builder().issueSource(source).calendarStore(new InMemoryCalendarStore())
                .mapper(SyncFixtures.MAPPER).clock(new MutableClock(Instant.parse("2026-11-27T10:00:00Z")))
                .background(Runnable::run).build().fullSync().runFullSync(RunSyncCommand.everything());
        assertThat(report.outcomes()).extracting(ActionOutcome::uid).as("outcomes keep the plan's order")
                .containsExactlyElementsOf(sequential.outcomes().stream().map(ActionOutcome::uid).toList());
    }
}
