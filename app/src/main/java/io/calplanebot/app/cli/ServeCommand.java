package io.calplanebot.app.cli;

import io.calplanebot.core.port.out.StateStoreException;
import org.slf4j.LoggerFactory;
import io.calplanebot.adapter.builtin.DataDirectoryInUseException;
import io.calplanebot.app.CalPlaneBotService;
import io.calplanebot.app.config.AppConfig;
import io.calplanebot.app.logging.LogSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.Optional;
import java.util.concurrent.Callable;

/** Runs the service until it is stopped (Ctrl-C or SIGTERM, both ending with exit code 0). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the service: HTTP API and webhooks, periodic full sync, configuration reload.")
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    private Cli parent;

    @Override
    public Integer call() {
        return runWith(parent);
    }

    Integer runWith(Cli cli) {
        java.io.PrintWriter err = new java.io.PrintWriter(System.err, true);
        Optional<AppConfig> config = CommandSupport.load(cli.loader(), err);
        if (config.isEmpty()) {
            return Cli.EXIT_CONFIG;
        }
        LogSetup.configure(config.get().log(), true, true);
        // A signal while the service starts ends the process at once: whatever it had started is left as a crash
        // would leave it, which the data directory and the state store survive.
        SignalStop signal = new SignalStop("calplanebot-shutdown",
                () -> LoggerFactory.getLogger(ServeCommand.class).info("CalPlaneBot stopped while it was starting"),
                e -> "CalPlaneBot did not stop cleanly: " + rootMessage(e));
        CalPlaneBotService service;
        try {
            service = CalPlaneBotService.start(config.get(), cli.loader(), cli.clock());
        } catch (DataDirectoryInUseException e) {
            signal.cancel();
            err.println(e.getMessage() + " (set DATA_DIR to another folder, or stop the other process)");
            return Cli.EXIT_FAILED;
        } catch (StateStoreException e) {
            signal.cancel();
            err.println("CalPlaneBot could not open its state store: " + e.getMessage()
                    + " (check DATABASE_URL, or DATA_DIR for the embedded database)");
            return Cli.EXIT_FAILED;
        } catch (RuntimeException e) {
            signal.cancel();
            err.println("CalPlaneBot could not start on " + config.get().http().host() + ":"
                    + config.get().http().port() + ": " + rootMessage(e)
                    + " (is another process using the port? set HOST and PORT)");
            return Cli.EXIT_FAILED;
        }
        signal.closeWith(service::close);
        signal.await();
        return 0;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
