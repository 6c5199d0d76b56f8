package io.calplanebot.app.cli;

import io.calplanebot.adapter.builtin.DataDirectoryInUseException;
import io.calplanebot.app.CalPlaneBotService;
import io.calplanebot.app.config.AppConfig;
import io.calplanebot.app.logging.LogSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

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
        // The hook is in place before the service starts, so a SIGTERM that comes as soon as the port is open (or
        // even earlier) still ends the process cleanly; a start that fails takes it away again.
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicReference<CalPlaneBotService> running = new AtomicReference<>();
        Thread hook = new Thread(() -> stopOnSignal(running.get(), stopped), "calplanebot-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            running.set(CalPlaneBotService.start(config.get(), cli.loader(), cli.clock()));
        } catch (DataDirectoryInUseException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            err.println(e.getMessage() + " (set DATA_DIR to another folder, or stop the other process)");
            return Cli.EXIT_FAILED;
        } catch (RuntimeException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            err.println("CalPlaneBot could not start on " + config.get().http().host() + ":"
                    + config.get().http().port() + ": " + rootMessage(e)
                    + " (is another process using the port? set HOST and PORT)");
            return Cli.EXIT_FAILED;
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * SIGTERM or Ctrl-C: closes the service, then ends the process with 0. Without the halt the JVM would report
     * the signal (exit 143 or 130), and systemd would mark a clean stop as a failure. A failed close ends with 2.
     */
    private static void stopOnSignal(CalPlaneBotService service, CountDownLatch stopped) {
        int exit = 0;
        try {
            if (service != null) {
                service.close();
            }
        } catch (RuntimeException e) {
            System.err.println("CalPlaneBot did not stop cleanly: " + rootMessage(e));
            exit = Cli.EXIT_FAILED;
        } finally {
            stopped.countDown();
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(exit);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
