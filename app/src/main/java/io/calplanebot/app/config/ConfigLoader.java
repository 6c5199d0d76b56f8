package io.calplanebot.app.config;

import io.calplanebot.adapter.state.DatabaseUrl;
import io.calplanebot.adapter.caldav.CalDavSettings;
import io.calplanebot.adapter.plane.PlaneSettings;
import io.calplanebot.core.mapping.EventTitleFormat;
import io.calplanebot.core.mapping.InvalidEventTitleFormatException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and validates the configuration from the environment and an optional {@code .env} file. A variable set
 * in the real environment wins over the file. Every problem is collected, so one message names them all: the
 * loader checks what only the service knows, and {@link AdapterSettingsReader} builds the adapters' own settings,
 * whose refusals are reported under their variables.
 */
public final class ConfigLoader {
    private static final int DEFAULT_PORT = 8765;
    private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

    private final Map<String, String> environment;
    private final Optional<Path> dotEnvFile;

    public ConfigLoader(Map<String, String> environment, Optional<Path> dotEnvFile) {
        this.environment = Map.copyOf(environment);
        this.dotEnvFile = dotEnvFile;
    }

    /** The process environment plus {@code ./.env} when present. */
    public static ConfigLoader fromProcess() {
        return new ConfigLoader(System.getenv(), Optional.of(Path.of(".env")));
    }

    /** The environment this loader reads (without the {@code .env} file's values). */
    public Map<String, String> environment() {
        return environment;
    }

    public Optional<Path> dotEnvFile() {
        return dotEnvFile;
    }

    public AppConfig load() {
        return read(values());
    }

    /**
     * Only the feed settings ({@code DATA_DIR}, {@code PUBLIC_URL}, {@code PORT}, …), for commands that manage
     * feeds and need neither Plane nor a calendar server.
     */
    public FeedConfig loadFeeds() {
        ConfigValues values = values();
        int port = values.integer("PORT", DEFAULT_PORT, 0, 65535);
        FeedConfig feeds = feeds(values, port);
        if (!values.problems().isEmpty()) {
            throw new ConfigException(values.problems());
        }
        return feeds;
    }

    /**
     * Only where the state lives ({@code DATABASE_URL}, {@code DATABASE_POOL_SIZE}, {@code REPLICA_TAKEOVER_SECONDS}),
     * for {@code state export|import}, which need neither Plane nor a calendar server.
     */
    public StateConfig loadState() {
        ConfigValues values = values();
        StateConfig state = state(values);
        if (!values.problems().isEmpty()) {
            throw new ConfigException(values.problems());
        }
        return state;
    }

    private ConfigValues values() {
        Map<String, String> values = new HashMap<>();
        List<ConfigProblem> problems = new ArrayList<>();
        if (dotEnvFile.isPresent() && Files.isRegularFile(dotEnvFile.get())) {
            try {
                values.putAll(DotEnv.read(dotEnvFile.get()));
            } catch (IOException | IllegalArgumentException e) {
                problems.add(new ConfigProblem(".env", "cannot be read: " + e.getMessage(), "KEY=value lines"));
            }
        }
        values.putAll(environment);
        return new ConfigValues(values, problems);
    }

    /** Reads one set of values, collecting problems. */
    private static AppConfig read(ConfigValues values) {
        Placeholders.check(values);
        AdapterSettingsReader adapters = new AdapterSettingsReader(values);
        PlaneSettings plane = adapters.plane();
        URI webUrl = values.optional("PLANE_WEB_URL").map(v -> values.url("PLANE_WEB_URL", v))
                .orElse(plane == null ? null : plane.baseUrl());
        Optional<Secret> webhookSecret = values.optional("PLANE_WEBHOOK_SECRET").map(Secret::new);
        EventTitleFormat titleFormat = titleFormat(values);
        Optional<CalDavSettings> calDav = adapters.calDav();

        int interval = values.integer("SYNC_INTERVAL_SECONDS", 300, 10, 7 * 24 * 3600);
        boolean enabled = values.bool("ENABLE_SYNC", true);
        boolean forceDelete = values.bool("SYNC_FORCE_DELETE", false);

        String host = values.optional("HOST").orElse("0.0.0.0");
        int port = values.integer("PORT", DEFAULT_PORT, 0, 65535);
        Optional<Secret> apiToken = values.optional("API_TOKEN").map(Secret::new);
        boolean trustProxy = values.bool("TRUST_PROXY", false);
        int webhookLimit = values.integer("WEBHOOK_RATE_LIMIT_PER_MINUTE", 100, 1, 1_000_000);
        int syncLimit = values.integer("SYNC_RATE_LIMIT_PER_HOUR", 10, 1, 1_000_000);

        FeedConfig feeds = feeds(values, port);
        StateConfig state = state(values);

        String level = logLevel(values);
        LogFormat format = values.choice("LOG_FORMAT", LogFormat.class, LogFormat.TEXT, "text or json");
        Path logDir = Path.of(values.optional("LOG_DIR").orElse("logs"));

        if (!values.problems().isEmpty()) {
            throw new ConfigException(values.problems());
        }
        return new AppConfig(plane, new PlaneWebConfig(webUrl, webhookSecret, titleFormat), calDav,
                new SyncConfig(Duration.ofSeconds(interval), enabled, forceDelete),
                new HttpConfig(host, port, apiToken, trustProxy, webhookLimit, syncLimit),
                new LogConfig(level, format, logDir), feeds, state);
    }

    private static StateConfig state(ConfigValues values) {
        Optional<DatabaseUrl> database = Optional.empty();
        Optional<String> raw = values.optional("DATABASE_URL");
        if (raw.isPresent()) {
            try {
                database = Optional.of(DatabaseUrl.parse(raw.get()));
            } catch (IllegalArgumentException e) {
                values.problem("DATABASE_URL", e.getMessage(), "postgres://user:password@host:5432/database");
            }
        }
        int pool = values.integer("DATABASE_POOL_SIZE", 8, 2, 200);
        int takeOver = values.integer("REPLICA_TAKEOVER_SECONDS", 60, 5, 3600);
        return new StateConfig(database, pool, Duration.ofSeconds(takeOver));
    }

    private static FeedConfig feeds(ConfigValues values, int port) {
        Path dataDir = Path.of("data");
        Optional<String> rawDir = values.optional("DATA_DIR");
        if (rawDir.isPresent()) {
            try {
                dataDir = Path.of(rawDir.get());
            } catch (InvalidPathException e) {
                values.problem("DATA_DIR", "'" + rawDir.get() + "' is not a path", "a folder, e.g. ./data (default)");
            }
        }
        URI fallback = URI.create("http://localhost:" + port);
        URI publicUrl = values.optional("PUBLIC_URL").map(v -> values.url("PUBLIC_URL", v)).orElse(fallback);
        boolean untokened = values.bool("FEEDS_ALLOW_UNTOKENED", false);
        int limit = values.integer("FEED_RATE_LIMIT_PER_MINUTE", 60, 1, 1_000_000);
        return new FeedConfig(dataDir, publicUrl == null ? fallback : publicUrl, untokened, limit);
    }

    private static EventTitleFormat titleFormat(ConfigValues values) {
        Optional<String> raw = values.optional("EVENT_TITLE_FORMAT");
        try {
            return raw.map(EventTitleFormat::new).orElse(EventTitleFormat.DEFAULT);
        } catch (InvalidEventTitleFormatException e) {
            values.problem("EVENT_TITLE_FORMAT", e.getMessage(), "a template such as "
                    + EventTitleFormat.DEFAULT.template() + " or " + EventTitleFormat.WITH_PROJECT.template());
            return EventTitleFormat.DEFAULT;
        }
    }

    private static String logLevel(ConfigValues values) {
        String raw = values.optional("LOG_LEVEL").orElse("INFO").toUpperCase(Locale.ROOT);
        if (raw.equals("WARNING")) {
            raw = "WARN";
        }
        if (raw.equals("CRITICAL")) {
            raw = "ERROR";
        }
        if (!LEVELS.contains(raw)) {
            values.problem("LOG_LEVEL", "'" + raw + "' is not a log level", "DEBUG, INFO, WARNING or ERROR");
            return "INFO";
        }
        return raw;
    }
}
