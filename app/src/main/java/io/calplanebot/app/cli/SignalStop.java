package io.calplanebot.app.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Ends a long-running command cleanly on SIGTERM or Ctrl-C: runs the command's close action, then halts with 0 (or 2
 * when closing failed). Without the halt the JVM would report the signal (exit 143 or 130), and systemd would mark a
 * clean stop as a failure. The hook is installed at construction, before the command starts anything, so a signal
 * that comes at once still ends the process cleanly; a start that fails takes it away again with {@link #cancel}.
 */
final class SignalStop {
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicReference<Runnable> close;
    private final Function<RuntimeException, String> failure;
    private final Thread hook;

    /**
     * @param whileStarting what a signal does before {@link #closeWith} names the real close action
     * @param failure       the line printed when closing fails
     */
    SignalStop(String threadName, Runnable whileStarting, Function<RuntimeException, String> failure) {
        this.close = new AtomicReference<>(whileStarting);
        this.failure = failure;
        this.hook = new Thread(this::stop, threadName);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** What a signal closes from now on. */
    void closeWith(Runnable action) {
        close.set(action);
    }

    /** The command ends without a signal (it failed to start): no hook any more. */
    void cancel() {
        Runtime.getRuntime().removeShutdownHook(hook);
    }

    /** Waits until a signal has closed everything. */
    void await() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stop() {
        int exit = 0;
        try {
            close.get().run();
        } catch (RuntimeException e) {
            System.err.println(failure.apply(e));
            exit = Cli.EXIT_FAILED;
        } finally {
            stopped.countDown();
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(exit);
        }
    }
}
