package io.calplanebot.app;

import io.calplanebot.adapter.state.JdbcStateStore;
import io.calplanebot.app.cli.Cli;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Entry point of the runnable jar. */
public final class Main {
    /** The commands that open the state store ({@code serve} also runs without a command). */
    private static final Set<String> STATEFUL = Set.of("serve", "sync", "plan", "diagnose", "demo", "state", "feeds");

    private Main() {
    }

    public static void main(String[] args) {
        CountDownLatch logging = new CountDownLatch(1);
        if ((args.length == 0 || STATEFUL.contains(args[0])) && System.getenv("DATABASE_URL") == null) {
            setUpMeanwhile(logging);
        } else {
            logging.countDown();
        }
        CommandLine line = Cli.commandLine(args);
        awaitQuietly(logging);
        System.exit(line.execute(args));
    }

    /**
     * Sets logging up and loads the embedded state store's native library on the other core while picocli reads
     * the arguments. The library logs through SLF4J, so logging is set up first, on that thread; the commands
     * configure logging only once it is (SLF4J set up by two threads at once leaves one with its stand-in).
     */
    private static void setUpMeanwhile(CountDownLatch logging) {
        Thread setUp = new Thread(() -> {
            try {
                LoggerFactory.getILoggerFactory();
            } finally {
                logging.countDown();
            }
            JdbcStateStore.loadEmbeddedLibrary();
        }, "calplanebot-start");
        setUp.setDaemon(true);
        setUp.start();
    }

    private static void awaitQuietly(CountDownLatch logging) {
        try {
            logging.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
