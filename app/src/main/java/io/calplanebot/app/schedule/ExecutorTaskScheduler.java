package io.calplanebot.app.schedule;

import io.calplanebot.core.port.out.TaskScheduler;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Runs core's timed work on one named daemon thread. */
public final class ExecutorTaskScheduler implements TaskScheduler, AutoCloseable {
    private final ScheduledExecutorService executor;

    public ExecutorTaskScheduler(String threadName) {
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        if (executor.isShutdown()) {
            return () -> {
            };
        }
        ScheduledFuture<?> future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    /** Stops the thread; work in progress is interrupted. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
