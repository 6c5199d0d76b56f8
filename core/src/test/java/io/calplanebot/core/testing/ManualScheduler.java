package io.calplanebot.core.testing;

import io.calplanebot.core.port.out.TaskScheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A scheduler on a {@link MutableClock}: tasks run only when a test moves time past them with {@link #advance}, in
 * the test's own thread, in due order. Makes timed policies testable in microseconds.
 */
public final class ManualScheduler implements TaskScheduler {
    private final MutableClock clock;
    private final List<Task> tasks = new ArrayList<>();
    private long sequence;

    public ManualScheduler(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable work) {
        Task task = new Task(clock.instant().plus(delay), sequence++, work);
        tasks.add(task);
        return () -> {
            synchronized (ManualScheduler.this) {
                tasks.remove(task);
            }
        };
    }

    /** Moves the clock forward by {@code by}, running every task that comes due on the way, at its due time. */
    public void advance(Duration by) {
        Instant end = clock.instant().plus(by);
        while (true) {
            Optional<Task> next = nextDueBy(end);
            if (next.isEmpty()) {
                break;
            }
            if (next.get().due.isAfter(clock.instant())) {
                clock.set(next.get().due);
            }
            next.get().work.run();
        }
        clock.set(end);
    }

    /** Runs the tasks already due, without moving the clock. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** Tasks scheduled and not yet run or cancelled. */
    public synchronized int scheduled() {
        return tasks.size();
    }

    /** When the earliest scheduled task is due. */
    public synchronized Optional<Instant> nextDue() {
        return tasks.stream().map(t -> t.due).min(Comparator.naturalOrder());
    }

    private synchronized Optional<Task> nextDueBy(Instant end) {
        Optional<Task> next = tasks.stream().filter(t -> !t.due.isAfter(end))
                .min(Comparator.comparing((Task t) -> t.due).thenComparingLong(t -> t.order));
        next.ifPresent(tasks::remove);
        return next;
    }

    /** One scheduled piece of work. */
    private static final class Task {
        final Instant due;
        final long order;
        final Runnable work;

        Task(Instant due, long order, Runnable work) {
            this.due = due;
            this.order = order;
            this.work = work;
        }
    }
}
