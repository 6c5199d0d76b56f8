package io.calplanebot.app.cli;

import io.calplanebot.adapter.builtin.DataDirectoryInUseException;
import io.calplanebot.adapter.builtin.VdirCalendarStore;
import io.calplanebot.adapter.state.JdbcStateStore;
import io.calplanebot.adapter.state.StateDump;
import io.calplanebot.app.config.ConfigException;
import io.calplanebot.app.config.FeedConfig;
import io.calplanebot.app.config.StateConfig;
import io.calplanebot.app.wiring.Adapters;
import io.calplanebot.core.port.out.StateStoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code calplanebot state export FILE} and {@code state import FILE}: the durable state (webhook inbox, the stale
 * rule's memory, when the last full sync finished) as a portable file, to back it up or to move from the embedded
 * database to PostgreSQL. The store is the one the service would use: {@code DATABASE_URL}, or the embedded database
 * in {@code DATA_DIR} (which needs the service stopped).
 */
@Command(name = "state", mixinStandardHelpOptions = true,
        description = "Export or import the service's durable state (docs/operations.md#backup-and-moving-to-postgresql).",
        subcommands = {StateCommand.Export.class, StateCommand.Import.class})
final class StateCommand implements Runnable {
    @ParentCommand
    private Cli parent;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** Work on the configured store, holding the data directory's lock for the embedded one. */
    @FunctionalInterface
    interface StoreWork {
        int run(JdbcStateStore store, String where) throws IOException;
    }

    int withStore(PrintWriter err, StoreWork work) {
        StateConfig state;
        FeedConfig data;
        try {
            state = parent.loader().loadState();
            data = parent.loader().loadFeeds();
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return Cli.EXIT_CONFIG;
        }
        try {
            // The embedded database is the service's own: its data directory's lock must be free.
            try (VdirCalendarStore lock = state.database().isPresent() ? null
                    : VdirCalendarStore.open(data.dataDirectory(), parent.clock());
                 JdbcStateStore store = Adapters.stateStore(state, data.dataDirectory(), 2)) {
                return work.run(store, state.database().map(url -> "PostgreSQL at " + url)
                        .orElse("the embedded database in " + data.dataDirectory()));
            }
        } catch (DataDirectoryInUseException e) {
            err.println(e.getMessage() + " Stop the service first.");
            return Cli.EXIT_FAILED;
        } catch (StateStoreException | IOException | IllegalArgumentException e) {
            err.println("state: " + e.getMessage());
            return Cli.EXIT_FAILED;
        }
    }

    private static String summary(StateDump.Counts counts) {
        return counts.deliveries() + " webhook deliveries (" + counts.openDeliveries() + " not applied yet), "
                + counts.appliedSubjects() + " applied versions";
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the state to FILE (replaced atomically).")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        private StateCommand state;

        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "Where to write the export.")
        private Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return state.withStore(spec.commandLine().getErr(), (store, where) -> {
                Path absolute = file.toAbsolutePath();
                Path temp = Files.createTempFile(Optional.ofNullable(absolute.getParent()).orElse(Path.of(".")),
                        ".state-export", ".tmp");
                try {
                    StateDump.Counts counts;
                    try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                        counts = store.exportTo(writer);
                    }
                    Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    out.println("Exported " + summary(counts) + " from " + where + " to " + file);
                    return 0;
                } finally {
                    Files.deleteIfExists(temp);
                }
            });
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Add the state in FILE (made by state export) to the configured store, in one transaction.")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        private StateCommand state;

        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "An export made by calplanebot state export.")
        private Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return state.withStore(spec.commandLine().getErr(), (store, where) -> {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    StateDump.Counts counts = store.importFrom(reader);
                    out.println("Imported " + summary(counts) + " into " + where);
                    return 0;
                }
            });
        }
    }
}
