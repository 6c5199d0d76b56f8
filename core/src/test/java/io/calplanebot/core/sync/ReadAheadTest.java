package io.calplanebot.core.sync;

import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.port.in.OutcomeKind;
import io.calplanebot.core.port.in.RunResult;
import io.calplanebot.core.port.in.RunSyncCommand;
import io.calplanebot.core.port.in.SyncReport;
import io.calplanebot.core.port.out.CalendarStore;
import io.calplanebot.core.port.out.IssueSource;
import io.calplanebot.core.testing.InMemoryCalendarStore;
import io.calplanebot.core.testing.InMemoryIssueSource;
import io.calplanebot.core.testing.Issues;
import io.calplanebot.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** A full sync lists the calendars on its worker threads while the issue source lists the issues. */
class ReadAheadTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final InMemoryCalendarStore memory = new InMemoryCalendarStore();
    private final InMemoryIssueSource issues = new InMemoryIssueSource();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @SuppressWarnings("unchecked")
    private static <T> T around(Class<T> port, T real, InvocationHandler before) {
        return (T) Proxy.newProxyInstance(ReadAheadTest.class.getClassLoader(), new Class<?>[] {port},
                (proxy, method, args) -> {
                    before.invoke(proxy, method, args);
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private SyncEngine engine(IssueSource source, CalendarStore store) {
        return SyncEngine.builder().issueSource(source).calendarStore(store).mapper(SyncFixtures.MAPPER)
                .clock(new MutableClock(Instant.parse("2026-11-27T10:00:00Z"))).background(Runnable::run)
                .fullSyncWriters(pool, 4).build();
    }

    private void twoIssues() {
        for (int i = 0; i < 2; i++) {
            Issue issue = Issues.anIssue().withId(String.format("00000000-0000-4000-8000-%012d", i))
                    .withSequenceId(i + 1).withName("Issue " + i).build();
            issues.put(issue);
        }
    }

    @Test
    void theCalendarIsListed_whileTheIssuesAreListed_andTheSyncWritesAsBefore() {
        twoIssues();
        CountDownLatch calendarListed = new CountDownLatch(1);
        AtomicBoolean listedMeanwhile = new AtomicBoolean();
        CalendarStore store = around(CalendarStore.class, memory, (proxy, method, args) -> {
            if (method.getName().equals("listOwnedEvents")) {
                calendarListed.countDown();
            }
            return null;
        });
        IssueSource source = around(IssueSource.class, issues, (proxy, method, args) -> {
            if (method.getName().equals("listIssues")) {
                listedMeanwhile.set(calendarListed.await(10, TimeUnit.SECONDS));
            }
            return null;
        });

        SyncReport report = engine(source, store).fullSync().runFullSync(RunSyncCommand.everything());

        assertThat(listedMeanwhile).as("the calendar was listed while the issue source was asked").isTrue();
        assertThat(report.result()).as(report.errors().toString()).isEqualTo(RunResult.SUCCESS);
        assertThat(report.outcomes()).hasSize(2).allMatch(o -> o.outcome() == OutcomeKind.CREATED);
        assertThat(memory.allEvents(memory.calendars().get(0))).hasSize(2);

        SyncReport again = engine(issues, memory).fullSync().runFullSync(RunSyncCommand.everything());

        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(again.outcomes()).isEmpty();
    }

    @Test
    void aBugWhileTheCalendarIsListedAhead_stopsTheSyncWithItsMessage_andWritesNothing() {
        twoIssues();
        CalendarStore store = around(CalendarStore.class, memory, (proxy, method, args) -> {
            if (method.getName().equals("listOwnedEvents")) {
                throw new IllegalStateException("listing broke");
            }
            return null;
        });

        SyncReport report = engine(issues, store).fullSync().runFullSync(RunSyncCommand.everything());

        assertThat(report.result()).isEqualTo(RunResult.FAILED);
        assertThat(report.errors()).anyMatch(error -> error.contains("IllegalStateException: listing broke"));
        assertThat(memory.allEvents(memory.calendars().get(0))).isEmpty();
    }
}
