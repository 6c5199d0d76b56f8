package io.calplanebot.app.cli;

import io.calplanebot.app.demo.DemoException;
import io.calplanebot.app.demo.DemoFeeds;
import io.calplanebot.app.demo.DemoRun;
import io.calplanebot.app.logging.LogSetup;
import io.calplanebot.core.port.in.ProjectResult;
import io.calplanebot.core.port.in.SyncCounts;
import io.calplanebot.core.port.in.SyncReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code calplanebot demo}: the whole product on a bundled sample Plane workspace, with no configuration. Ctrl-C
 * (or SIGTERM) stops it and ends with exit code 0.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run CalPlaneBot against a bundled sample Plane workspace: no configuration needed.",
                "Starts a small Plane server with three projects on 127.0.0.1, mirrors it, prints the URLs to open,"
                        + " then changes an issue every few seconds and sends Plane's signed webhook for it."
                        + " Ctrl-C stops it."})
final class DemoCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** Where the demo gets its subscribable feed URLs from. */
    private final DemoFeeds feeds = DemoFeeds.ofService();

    @ParentCommand
    private Cli parent;

    @Option(names = "--port", paramLabel = "PORT", description = "The API port on 127.0.0.1 (default: 8765, or the "
            + "first free port after it).")
    private int port;

    @Option(names = "--every", paramLabel = "SECONDS", defaultValue = "5",
            description = "Seconds between two changes of the sample workspace (default: ${DEFAULT-VALUE}).")
    private int everySeconds;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Keep the demo's data in DIR (default: a "
            + "temporary directory removed at exit).")
    private Path dataDir;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        if (everySeconds < 1 || port < 0 || port > 65_535) {
            System.err.println("--every must be at least 1 and --port 0..65535");
            return Cli.EXIT_USAGE;
        }
        boolean temporary = dataDir == null;
        Path data = temporary ? temporaryDirectory() : dataDir.toAbsolutePath();
        SignalStop signal = new SignalStop("calplanebot-demo-shutdown", () -> deleteIfTemporary(temporary, data),
                e -> "CalPlaneBot demo did not stop cleanly: " + e.getMessage());
        DemoRun run;
        try {
            run = DemoRun.start(parent.loader().environment(), port, data, parent.clock(),
                    config -> LogSetup.configure(config.log(), false, true));
        } catch (DemoException e) {
            signal.cancel();
            System.err.println("CalPlaneBot demo: " + e.getMessage());
            deleteIfTemporary(temporary, data);
            return Cli.EXIT_FAILED;
        }
        signal.closeWith(() -> {
            run.close();
            deleteIfTemporary(temporary, data);
            System.out.println("CalPlaneBot demo stopped.");
        });
        out.println("CalPlaneBot demo: sample Plane workspace \"" + run.workspaceSlug() + "\" at " + run.planeUrl()
                + ", service at " + run.serviceUrl());
        out.println("Data directory: " + data + (temporary ? " (removed at exit; keep it with --data-dir)" : ""));
        firstSync(run, out);
        screen(run, out);
        run.startChanges(Duration.ofSeconds(everySeconds),
                line -> out.println(LocalTime.now(parent.clock()).format(TIME) + "  " + line));
        signal.await();
        return 0;
    }

    private static void firstSync(DemoRun run, PrintStream out) {
        Optional<SyncReport> first;
        try {
            first = run.awaitFirstSync(Duration.ofSeconds(120));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (first.isEmpty()) {
            out.println("The first sync is still running; the status page shows its progress.");
            return;
        }
        SyncReport report = first.get();
        SyncCounts counts = report.counts();
        int dated = report.projects().stream().mapToInt(ProjectResult::datedIssues).sum();
        out.println("First sync: " + report.result().wireName() + ", " + dated + " issues with a due date in "
                + report.projects().size() + " projects; " + counts.created() + " events created, "
                + counts.updated() + " updated, " + counts.unchanged() + " unchanged.");
        report.errors().forEach(error -> out.println("  problem: " + error));
    }

    private void screen(DemoRun run, PrintStream out) {
        String base = run.serviceUrl().toString();
        out.println();
        out.println("Open:");
        out.println("  status page   " + base);
        out.println("  API docs      " + base + "docs");
        out.println("  metrics       " + base + "metrics");
        List<String> subscribe = run.subscribeUrls(feeds);
        if (!subscribe.isEmpty()) {
            out.println("Subscribe in a calendar app:");
            subscribe.forEach(url -> out.println("  " + url));
        }
        out.println();
        out.println("Every few seconds someone changes an issue in the sample workspace and Plane's signed webhook"
                + " goes to " + base + "webhooks/plane. Ctrl-C stops the demo.");
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("calplanebot-demo");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the demo's data directory", e);
        }
    }

    private static void deleteIfTemporary(boolean temporary, Path dir) {
        if (!temporary) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("could not remove " + dir + ": " + e.getMessage());
        }
    }
}
