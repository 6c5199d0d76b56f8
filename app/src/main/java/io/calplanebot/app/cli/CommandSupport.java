package io.calplanebot.app.cli;

import io.calplanebot.adapter.builtin.DataDirectoryInUseException;
import io.calplanebot.app.config.AppConfig;
import io.calplanebot.app.config.ConfigException;
import io.calplanebot.app.config.ConfigLoader;
import io.calplanebot.app.logging.LogSetup;

import java.io.PrintWriter;
import java.util.Optional;

/** What the commands share: reading the configuration and setting up logs. */
final class CommandSupport {
    private CommandSupport() {
    }

    /** Loads the configuration, or prints every problem to {@code err} and returns empty. */
    static Optional<AppConfig> load(ConfigLoader loader, PrintWriter err) {
        try {
            return Optional.of(loader.load());
        } catch (ConfigException e) {
            err.println(e.getMessage());
            err.flush();
            return Optional.empty();
        }
    }

    /**
     * Says that the running service holds the data directory and what to do instead; the command's exit code.
     */
    static int dataDirectoryInUse(DataDirectoryInUseException e, PrintWriter err) {
        err.println(e.getMessage());
        err.println("While the service runs, trigger a sync with POST /webhooks/sync (or stop the service first).");
        err.flush();
        return Cli.EXIT_FAILED;
    }

    /** Logs for a one-shot command: to stderr and the log file, so that results on stdout stay clean. */
    static void cliLogging(AppConfig config) {
        LogSetup.configure(config.log(), false, true);
    }
}
