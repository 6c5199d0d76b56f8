package io.calplanebot.app;

import io.calplanebot.adapter.state.JdbcStateStore;
import io.calplanebot.app.cli.Cli;
import org.slf4j.LoggerFactory;

import java.util.Set;

/** Entry point of the runnable jar. */
public final class Main {
    /** The commands that open the state store ({@code serve} also runs without a command). */
    private static final Set<String> STATEFUL = Set.of("serve", "sync", "plan", "diagnose", "demo", "state", "feeds");

    private Main() {
    }

    public static void main(String[] args) {
        if ((args.length == 0 || STATEFUL.contains(args[0])) && System.getenv("DATABASE_URL") == null) {
            loadEmbeddedLibraryMeanwhile();
        }
        System.exit(Cli.commandLine(args).execute(args));
    }

    /**
     * Loads the embedded state store's native library on the other core while picocli reads the arguments. Logging
     * is set up first, here: the library logs through it, and two threads must not set it up at once (one of them
     * would get SLF4J's stand-in instead of the logging the commands configure).
     */
    private static void loadEmbeddedLibraryMeanwhile() {
        LoggerFactory.getILoggerFactory();
        Thread load = new Thread(JdbcStateStore::loadEmbeddedLibrary, "calplanebot-load-sqlite");
        load.setDaemon(true);
        load.start();
    }
}
