package io.calplanebot.app.demo;

import io.calplanebot.app.CalPlaneBotService;
import io.calplanebot.app.config.AppConfig;
import io.calplanebot.app.config.DemoSettings;
import io.calplanebot.core.port.in.SyncReport;
import io.calplanebot.sample.FakePlane;
import io.calplanebot.sample.PlaneWebhookSender;
import io.calplanebot.sample.SampleActivity;
import io.calplanebot.sample.SampleWorkspace;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One run of {@code calplanebot demo}: the bundled sample workspace on a Plane server of its own, the service
 * mirroring it (with the calendar targets of the normal wiring), and someone changing the workspace every few
 * seconds and sending Plane's signed webhook for each change.
 */
public final class DemoRun implements AutoCloseable {
    private final FakePlane plane;
    private final CalPlaneBotService service;
    private final PlaneWebhookSender sender;
    private final SampleActivity activity;
    private final URI serviceUrl;
    private final ScheduledExecutorService changes = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "calplanebot-demo-changes");
        thread.setDaemon(true);
        return thread;
    });

    private DemoRun(FakePlane plane, CalPlaneBotService service, PlaneWebhookSender sender, URI serviceUrl) {
        this.plane = plane;
        this.service = service;
        this.sender = sender;
        this.serviceUrl = serviceUrl;
        this.activity = new SampleActivity(plane, sender, SampleActivity.datedIssues(plane));
    }

    /**
     * Starts the sample Plane and the service against it.
     *
     * @param environment the process environment (only the calendar target and log settings are taken from it)
     * @param port        the API port; 0 picks the first free one from 8765
     * @throws DemoException when the configuration is refused or the service cannot start
     */
    public static DemoRun start(Map<String, String> environment, int port, Path dataDirectory, Clock clock,
                                Consumer<AppConfig> beforeStart) {
        SampleWorkspace workspace = SampleWorkspace.bundled();
        FakePlane plane = workspace.start(LocalDate.now(clock));
        try {
            DemoSettings settings = new DemoSettings(URI.create(plane.baseUrl()), plane.apiKey(), plane.workspaceSlug(),
                    PlaneWebhookSender.newSecret(), port == 0 ? firstFreePort(8765, 20) : port, dataDirectory);
            AppConfig config = settings.loader(environment).load();
            beforeStart.accept(config);
            CalPlaneBotService service = CalPlaneBotService.start(config, settings.loader(environment), clock);
            URI serviceUrl = URI.create("http://127.0.0.1:" + service.port() + "/");
            return new DemoRun(plane, service, new PlaneWebhookSender(serviceUrl.resolve("/webhooks/plane"),
                    settings.webhookSecret()), serviceUrl);
        } catch (RuntimeException e) {
            plane.close();
            throw new DemoException("the demo could not start: " + e.getMessage(), e);
        }
    }

    /** The sample Plane's origin. */
    public String planeUrl() {
        return plane.baseUrl();
    }

    public String workspaceSlug() {
        return plane.workspaceSlug();
    }

    /** The service's address, e.g. {@code http://127.0.0.1:8765/}. */
    public URI serviceUrl() {
        return serviceUrl;
    }

    public CalPlaneBotService service() {
        return service;
    }

    /** Waits until the service's first full sync has finished; empty when it has not within {@code timeout}. */
    public Optional<SyncReport> awaitFirstSync(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<SyncReport> last = service.wiring().engine().status().status().lastRun();
            if (last.isPresent()) {
                return last;
            }
            Thread.sleep(200);
        }
        return Optional.empty();
    }

    /** Every {@code every}, changes one issue of the sample workspace, sends its webhook and reports the line. */
    public void startChanges(Duration every, Consumer<String> log) {
        changes.scheduleWithFixedDelay(() -> {
            try {
                log.accept(activity.next());
            } catch (RuntimeException e) {
                log.accept("the change could not be sent: " + e.getMessage());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The feed URLs to subscribe to, from {@code feeds}. */
    public List<String> subscribeUrls(DemoFeeds feeds) {
        return feeds.subscribeUrls(service, serviceUrl);
    }

    @Override
    public void close() {
        changes.shutdownNow();
        try {
            changes.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender.close();
        service.close();
        plane.close();
    }

    /** The first port from {@code first} on that 127.0.0.1 can bind, else 0 (any free port). */
    static int firstFreePort(int first, int tries) {
        for (int port = first; port < first + tries; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                return port;
            } catch (IOException e) {
                // taken: try the next one
            }
        }
        return 0;
    }
}
