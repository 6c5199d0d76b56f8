package io.calplanebot.adapter.http;

import io.calplanebot.adapter.http.error.ApiError;
import io.calplanebot.adapter.http.error.ErrorCode;
import io.calplanebot.adapter.http.error.ErrorResponses;
import io.calplanebot.adapter.http.error.HttpErrorMapping;
import io.calplanebot.adapter.http.error.JsonJettyErrorHandler;
import io.calplanebot.adapter.http.limit.RateLimitGuard;
import io.calplanebot.adapter.http.limit.RateLimiter;
import io.calplanebot.adapter.http.route.DocsRoutes;
import io.calplanebot.adapter.http.route.FeedRoutes;
import io.calplanebot.adapter.http.route.MetricsRoutes;
import io.calplanebot.adapter.http.route.StatusRoutes;
import io.calplanebot.adapter.http.route.SyncRoutes;
import io.calplanebot.adapter.http.route.WebhookRoutes;
import io.calplanebot.adapter.http.server.BufferedBodyHandler;
import io.calplanebot.adapter.http.server.ClientConnectionCap;
import io.calplanebot.adapter.http.support.PercentEscapes;
import io.calplanebot.adapter.http.support.RequestObserver;
import io.calplanebot.core.port.in.Feed;
import io.calplanebot.core.port.in.HandleWebhookUseCase;
import io.calplanebot.core.port.in.ReadFeedUseCase;
import io.calplanebot.core.port.in.ReadStatusUseCase;
import io.calplanebot.core.port.in.RunFullSyncUseCase;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The HTTP API of the service (the spec's endpoints, {@code /docs}, {@code /openapi.json}, {@code /metrics}) on
 * Javalin. It only translates: every decision is made by the use cases it is given.
 *
 * <pre>{@code
 * HttpApi api = HttpApi.builder()
 *         .runFullSync(syncService).readStatus(syncService).handleWebhook(webhookService)
 *         .readFeeds(readFeedService)
 *         .bind("0.0.0.0", 8765).settings(ApiSettings.defaults().withApiToken(token))
 *         .service(ServiceInfo.calPlaneBot("1.0.0")).startedAt(start).clock(clock)
 *         .meterRegistry(prometheusRegistry)
 *         .build()
 *         .start();
 * api.update(newSettings);   // token, proxy trust and rate limits change on the running server
 * }</pre>
 */
public final class HttpApi {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    /** A connection that sends nothing for this long is closed. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(15);
    /** A request body must have arrived completely within this time, else {@code 408}. */
    static final Duration BODY_DEADLINE = Duration.ofSeconds(10);
    /** Request line and headers together; beyond it {@code 414} or {@code 431}. */
    static final int MAX_HEADER_BYTES = 8 * 1024;
    /** The buffer through which Javalin copies an answer into the response (see configureServer). */
    static final int RESPONSE_COPY_BYTES = 4 * 1024;
    /** Open connections per client address; one more closes the client's oldest. */
    static final int MAX_CONNECTIONS_PER_CLIENT = 256;
    private static final Set<HandlerType> ROUTE_METHODS = Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE, HandlerType.HEAD, HandlerType.OPTIONS, HandlerType.QUERY);

    private static final ReadFeedUseCase NO_FEEDS = new ReadFeedUseCase() {
        @Override
        public Optional<Feed> byToken(String token) {
            return Optional.empty();
        }

        @Override
        public Optional<Feed> publicProject(String project) {
            return Optional.empty();
        }
    };

    private final Javalin javalin;
    private final String host;
    private final int port;
    private final AtomicReference<ApiSettings> settings;
    private final RateLimiter limiter;
    private final List<ApiRoute> routes = new CopyOnWriteArrayList<>();

    private HttpApi(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.settings = new AtomicReference<>(b.settings);
        this.limiter = new RateLimiter(b.clock, b.maxTrackedClients);
        ErrorResponses errors = new ErrorResponses(b.clock);
        RateLimitGuard guard = new RateLimitGuard(limiter, settings::get);
        RequestObserver observer = new RequestObserver(b.meterRegistry);
        this.javalin = Javalin.create(cfg -> {
            cfg.events.handlerAdded(meta -> {
                if (ROUTE_METHODS.contains(meta.getHttpMethod())) {
                    routes.add(new ApiRoute(meta.getHttpMethod().name(), meta.getPath()));
                }
            });
            configureServer(cfg, errors);
            cfg.requestLogger.http(observer::observe);
            // Path parameters are percent-decoded before any route runs: a malformed escape is the client's error.
            cfg.routes.before(ctx -> {
                if (!PercentEscapes.wellFormed(ctx.req().getRequestURI())) {
                    throw new ApiError(ErrorCode.BAD_REQUEST, "The request path has a malformed percent-escape");
                }
            });
            new StatusRoutes(b.readStatus, b.service, b.startedAt, b.clock, b.feedNames).addTo(cfg.routes);
            new WebhookRoutes(b.handleWebhook, guard).addTo(cfg.routes);
            new SyncRoutes(b.runFullSync, b.readStatus, guard, settings::get).addTo(cfg.routes);
            new FeedRoutes(b.readFeeds, guard, settings::get).addTo(cfg.routes);
            new DocsRoutes(b.service.version()).addTo(cfg.routes);
            new MetricsRoutes(b.meterRegistry).addTo(cfg.routes);
            HttpErrorMapping mapping = new HttpErrorMapping(errors);
            mapping.register(cfg.routes);
            cfg.router.javaLangErrorHandler(mapping::javaLangError);
        });
    }

    private static void configureServer(JavalinConfig cfg, ErrorResponses errors) {
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.http.prefer405over404 = true;
        cfg.http.maxRequestSize = WebhookRoutes.MAX_BODY_BYTES;
        // Javalin copies each answer into the response through a buffer of this size, made anew for every request
        // (Jetty's output buffer size, 32 KB, when unset): most answers are a few hundred bytes, and the larger ones
        // (feeds, API docs) are copied in more steps into Jetty's own buffer.
        cfg.http.responseBufferSize = RESPONSE_COPY_BYTES;
        cfg.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_HEADER_BYTES));
        cfg.jetty.modifyServer(server -> {
            server.setErrorHandler(new JsonJettyErrorHandler(errors));
            server.setHandler(new BufferedBodyHandler(WebhookRoutes.MAX_BODY_BYTES, BODY_DEADLINE));
            server.addEventListener(new LifeCycle.Listener() {
                @Override
                public void lifeCycleStarting(LifeCycle event) {
                    boundConnections(server);
                }
            });
        });
    }

    /**
     * Slow or idle clients cannot starve the API: bodies are read without holding a thread
     * ({@link BufferedBodyHandler}), idle connections are closed, and one client holds a bounded number of them.
     */
    private static void boundConnections(Server server) {
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof AbstractConnector bounded) {
                bounded.setIdleTimeout(IDLE_TIMEOUT.toMillis());
                bounded.addBean(new ClientConnectionCap(MAX_CONNECTIONS_PER_CLIENT));
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds and starts serving; with port 0 a free port is chosen ({@link #port()}). */
    public HttpApi start() {
        javalin.start(host, port);
        LOG.info("HTTP API listening on {}:{} ({})", host, javalin.port(), settings.get());
        return this;
    }

    public void stop() {
        javalin.stop();
    }

    /** The port the server listens on (the chosen one when it was started with port 0). */
    public int port() {
        return javalin.port();
    }

    /** Replaces the settings that can change at runtime; the next request uses them. */
    public void update(ApiSettings newSettings) {
        ApiSettings old = settings.getAndSet(Objects.requireNonNull(newSettings, "settings"));
        if (!old.equals(newSettings)) {
            LOG.info("HTTP API settings changed: {}", newSettings);
        }
    }

    public ApiSettings settings() {
        return settings.get();
    }

    /** Every route registered on the server (method and path template), in registration order. */
    public List<ApiRoute> routes() {
        return List.copyOf(routes);
    }

    /** Builds an {@link HttpApi}; the three use cases and the meter registry are required. */
    public static final class Builder {
        private RunFullSyncUseCase runFullSync;
        private ReadStatusUseCase readStatus;
        private HandleWebhookUseCase handleWebhook;
        private ReadFeedUseCase readFeeds = NO_FEEDS;
        private PrometheusMeterRegistry meterRegistry;
        private String host = "0.0.0.0";
        private int port = 8765;
        private ApiSettings settings = ApiSettings.defaults();
        private ServiceInfo service = ServiceInfo.calPlaneBot("0.0.0");
        private Clock clock = Clock.systemUTC();
        private Instant startedAt;
        private int maxTrackedClients = 10_000;
        private Supplier<List<String>> feedNames = List::of;

        private Builder() {
        }

        public Builder runFullSync(RunFullSyncUseCase useCase) {
            this.runFullSync = useCase;
            return this;
        }

        public Builder readStatus(ReadStatusUseCase useCase) {
            this.readStatus = useCase;
            return this;
        }

        public Builder handleWebhook(HandleWebhookUseCase useCase) {
            this.handleWebhook = useCase;
            return this;
        }

        /** Serves the subscribable feeds. Default: no feeds (every feed path answers 404). */
        public Builder readFeeds(ReadFeedUseCase useCase) {
            this.readFeeds = Objects.requireNonNull(useCase, "readFeeds use case");
            return this;
        }

        /** Host and port are fixed once started; port 0 picks a free one. Default 0.0.0.0:8765. */
        public Builder bind(String host, int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            this.host = Objects.requireNonNull(host, "host");
            this.port = port;
            return this;
        }

        public Builder settings(ApiSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        public Builder service(ServiceInfo service) {
            this.service = Objects.requireNonNull(service, "service");
            return this;
        }

        /** The clock for timestamps, uptime and rate-limit windows. Default: the system UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** When the service started, for {@code uptime}. Default: the clock's now at {@link #build()}. */
        public Builder startedAt(Instant startedAt) {
            this.startedAt = Objects.requireNonNull(startedAt, "started at");
            return this;
        }

        public Builder meterRegistry(PrometheusMeterRegistry registry) {
            this.meterRegistry = Objects.requireNonNull(registry, "meter registry");
            return this;
        }

        /**
         * The names of the subscribable feeds, shown on the status page at {@code GET /} (names only: a feed's
         * token never appears there). Asked on every page view. Default: none.
         */
        public Builder feedNames(Supplier<List<String>> names) {
            this.feedNames = Objects.requireNonNull(names, "feed names");
            return this;
        }

        /** How many (route, client) rate-limit windows are kept at most. Default 10 000. */
        public Builder maxTrackedClients(int max) {
            this.maxTrackedClients = max;
            return this;
        }

        public HttpApi build() {
            Objects.requireNonNull(runFullSync, "runFullSync use case");
            Objects.requireNonNull(readStatus, "readStatus use case");
            Objects.requireNonNull(handleWebhook, "handleWebhook use case");
            Objects.requireNonNull(meterRegistry, "meter registry");
            if (startedAt == null) {
                startedAt = clock.instant();
            }
            return new HttpApi(this);
        }
    }
}
