package io.calplanebot.app;

import io.calplanebot.adapter.http.ApiSettings;
import io.calplanebot.adapter.http.HttpApi;
import io.calplanebot.adapter.http.RateLimit;
import io.calplanebot.adapter.http.ServiceInfo;
import io.calplanebot.adapter.builtin.VdirCalendarArchive;
import io.calplanebot.app.config.AppConfig;
import io.calplanebot.app.config.ConfigLoader;
import io.calplanebot.app.config.ConfigWatcher;
import io.calplanebot.app.config.Secret;
import io.calplanebot.app.feeds.LegacyFeedFile;
import io.calplanebot.core.port.out.FeedTokens;
import io.calplanebot.app.logging.LogSetup;
import io.calplanebot.app.observe.ObservingSyncListener;
import io.calplanebot.app.schedule.ExecutorTaskScheduler;
import io.calplanebot.app.wiring.Wiring;
import io.calplanebot.core.feed.ManageFeedsService;
import io.calplanebot.core.feed.ReadFeedService;
import io.calplanebot.core.port.in.ManageFeedsUseCase;
import io.calplanebot.core.sync.ConnectionProber;
import io.calplanebot.core.sync.CrashRecovery;
import io.calplanebot.core.sync.PeriodicSync;
import io.calplanebot.core.sync.PipelineTiming;
import io.calplanebot.core.sync.SyncEngine;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.core.metrics.Info;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The running service: the HTTP API over the core engine of one {@link Wiring} (its webhook pipeline and periodic
 * sync each on a thread of their own), and the configuration watcher. {@link #start} returns once the API listens.
 */
public final class CalPlaneBotService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CalPlaneBotService.class);

    private final Wiring wiring;
    private final ExecutorTaskScheduler webhookThread = new ExecutorTaskScheduler("calplanebot-webhooks");
    private final ExecutorTaskScheduler schedulerThread = new ExecutorTaskScheduler("calplanebot-scheduler");
    private final ExecutorTaskScheduler probeThread = new ExecutorTaskScheduler("calplanebot-probes");
    private final HttpApi http;
    private final Optional<ConfigWatcher> watcher;
    private final PrometheusMeterRegistry registry;
    private final FeedTokens feedTokens;
    private final Clock clock;

    private CalPlaneBotService(AppConfig config, ConfigLoader loader, Clock clock) {
        this.clock = clock;
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        Info.builder().name("calplanebot_build_info").help("The running version (value always 1)")
                .labelNames("version").register(registry.getPrometheusRegistry()).setLabelValues(Version.current());
        wiring = new Wiring(config, clock, new ObservingSyncListener(registry), registry, webhookThread,
                PipelineTiming.SERVICE, schedulerThread, probeThread);
        SyncEngine engine = wiring.engine();
        feedTokens = wiring.state().feedTokens();
        LegacyFeedFile.moveInto(feedTokens, config.feeds().tokenFile());
        http = HttpApi.builder()
                .runFullSync(engine.fullSync())
                .readStatus(engine.status())
                .handleWebhook(engine.webhooks())
                .readFeeds(new ReadFeedService(new VdirCalendarArchive(wiring.builtinStore()), feedTokens, clock))
                .feedNames(() -> feedTokens.list().stream().map(feed -> feed.name().value())
                        .collect(Collectors.toList()))
                .bind(config.http().host(), config.http().port())
                .settings(apiSettings(config))
                .service(ServiceInfo.calPlaneBot(Version.current()))
                .clock(clock)
                .startedAt(clock.instant())
                .meterRegistry(registry)
                .build();
        watcher = loader.dotEnvFile().map(file -> new ConfigWatcher(loader, file, this::reload));
    }

    /**
     * Builds and starts everything; the first periodic sync starts at once (when enabled), the first connection
     * probes soon after.
     */
    public static CalPlaneBotService start(AppConfig config, ConfigLoader loader, Clock clock) {
        CalPlaneBotService service = new CalPlaneBotService(config, loader, clock);
        service.http.start();
        service.wiring.engine().connectionProber().ifPresent(ConnectionProber::start);
        service.wiring.engine().crashRecovery().ifPresent(CrashRecovery::start);
        if (config.planeWeb().webhookSecret().isEmpty()) {
            LOG.warn("PLANE_WEBHOOK_SECRET is not set: webhook signatures are not checked. Set it to the secret Plane "
                    + "shows for the webhook.");
        }
        LOG.info("CalPlaneBot {} listening on http://{}:{} (API docs at /docs)", Version.current(),
                config.http().host(), service.http.port());
        announcePeriodicSync(config);
        service.wiring.engine().periodicSync().ifPresent(PeriodicSync::start);
        service.watcher.ifPresent(w -> w.start(Duration.ofSeconds(2)));
        return service;
    }

    private static void announcePeriodicSync(AppConfig config) {
        if (!config.sync().enabled()) {
            LOG.info("Periodic sync is off (ENABLE_SYNC=false); webhooks and the manual trigger still work");
        }
    }

    private void reload(AppConfig next) {
        AppConfig previous = wiring.config();
        if (!next.http().host().equals(previous.http().host()) || next.http().port() != previous.http().port()) {
            LOG.warn("HOST and PORT changes take effect at the next restart");
        }
        wiring.reload(next);
        http.update(apiSettings(next));
        LogSetup.setLevel(next.log().level());
        if (!next.sync().equals(previous.sync())) {
            announcePeriodicSync(next);
            wiring.engine().periodicSync().ifPresent(PeriodicSync::scheduleChanged);
        }
    }

    static ApiSettings apiSettings(AppConfig config) {
        return ApiSettings.defaults().withApiToken(config.http().apiToken().map(Secret::reveal).orElse(null))
                .withTrustProxy(config.http().trustProxy())
                .withWebhookLimit(RateLimit.perMinute(config.http().webhookLimitPerMinute()))
                .withSyncLimit(RateLimit.perHour(config.http().syncTriggerLimitPerHour()))
                .withFeedLimit(RateLimit.perMinute(config.feeds().limitPerMinute()))
                .withUntokenedFeeds(config.feeds().allowUntokened());
    }

    public int port() {
        return http.port();
    }

    public Wiring wiring() {
        return wiring;
    }

    /** The feed definitions this service serves, for adding or revoking feeds in the same process. */
    public ManageFeedsUseCase manageFeeds() {
        return new ManageFeedsService(feedTokens, new SecureRandom(), clock);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Looks at the watched {@code .env} file now instead of at the next poll. */
    public void checkConfiguration() {
        watcher.ifPresent(ConfigWatcher::check);
    }

    @Override
    public void close() {
        watcher.ifPresent(ConfigWatcher::close);
        http.stop();
        wiring.close();
        schedulerThread.close();
        probeThread.close();
        webhookThread.close();
        LOG.info("CalPlaneBot stopped");
    }
}
