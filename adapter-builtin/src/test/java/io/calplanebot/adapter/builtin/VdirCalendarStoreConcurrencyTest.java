package io.calplanebot.adapter.builtin;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.core.port.out.EventAlreadyExistsException;
import io.calplanebot.core.port.out.StaleVersionException;
import io.calplanebot.core.testing.Events;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Threads of one process writing to the same calendar take turns: nothing is lost, nothing is doubled. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class VdirCalendarStoreConcurrencyTest {
    private static final int THREADS = 6;

    @TempDir
    Path data;
    private VdirCalendarStore store;
    private CalendarId calendar;
    private ExecutorService threads;

    @BeforeEach
    void open() {
        store = VdirCalendarStore.open(data, Clock.systemUTC());
        calendar = store.ensureCalendar(new Project("p-1", "CON", "Concurrency"));
        threads = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void close() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        store.close();
    }

    @Test
    void threadsIncrementingOneEvent_withConditionalUpdates_loseNoIncrement() throws Exception {
        CalendarEvent counter = Events.anEvent().forIssue("counter").withSummary("0").build();
        store.create(calendar, counter);
        int perThread = 10;

        runTogether(thread -> {
            for (int i = 0; i < perThread; i++) {
                while (true) {
                    StoredEvent current = store.findEvent(calendar, counter.identity()).orElseThrow();
                    int value = Integer.parseInt(current.event().summary());
                    try {
                        store.update(calendar, current.identity(), Events.anEvent().withUid(counter.uid())
                                .withSummary(Integer.toString(value + 1)).build(), current.version());
                        break;
                    } catch (StaleVersionException e) {
                        // another thread won this round: read again and retry
                    }
                }
            }
        });

        assertThat(store.findEvent(calendar, counter.identity()).orElseThrow().event().summary())
                .isEqualTo(Integer.toString(THREADS * perThread));
    }

    @Test
    void threadsCreatingEvents_allLand_andEachFileReadsBack() throws Exception {
        int perThread = 25;

        runTogether(thread -> {
            for (int i = 0; i < perThread; i++) {
                store.create(calendar, Events.anEvent().forIssue(thread + "-" + i).withSummary("[" + i + "] t" + thread)
                        .build());
            }
        });

        assertThat(store.listOwnedEvents(calendar)).hasSize(THREADS * perThread);
    }

    @Test
    void threadsCreatingTheSameEvent_exactlyOneSucceeds() throws Exception {
        CalendarEvent event = Events.anEvent().forIssue("once").build();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();

        runTogether(thread -> {
            try {
                store.create(calendar, event);
                created.incrementAndGet();
            } catch (EventAlreadyExistsException e) {
                refused.incrementAndGet();
            }
        });

        assertThat(created).hasValue(1);
        assertThat(refused).hasValue(THREADS - 1);
        assertThat(store.listOwnedEvents(calendar)).hasSize(1);
    }

    private void runTogether(ThreadWork work) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Void>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Callable<Void> task = () -> {
                start.await();
                work.run(thread);
                return null;
            };
            results.add(threads.submit(task));
        }
        start.countDown();
        for (Future<Void> result : results) {
            result.get(50, TimeUnit.SECONDS);
        }
    }

    @FunctionalInterface
    private interface ThreadWork {
        void run(int thread) throws Exception;
    }
}
