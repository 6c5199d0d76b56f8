package io.calplanebot.core.port.out;

import java.time.Duration;

/**
 * Runs work later, on a thread of the caller's choosing. Core's timed policies (the webhook pipeline's settle time
 * and retries) are driven through it, so tests can run them with a hand-moved clock.
 */
public interface TaskScheduler {

    /** Runs each task at once in the calling thread: for embedding without background threads. */
    TaskScheduler IMMEDIATE = (delay, task) -> {
        task.run();
        return () -> {
        };
    };

    /** Runs {@code task} once after {@code delay}; the returned handle cancels it if it has not started. */
    Cancellable schedule(Duration delay, Runnable task);

    /** A task that was scheduled. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
