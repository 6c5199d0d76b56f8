package io.calplanebot.app.config;

import io.calplanebot.adapter.caldav.AuthType;
import io.calplanebot.adapter.caldav.CalDavSettings;
import io.calplanebot.adapter.caldav.InvalidCalDavSettingsException;
import io.calplanebot.adapter.plane.InvalidPlaneSettingsException;
import io.calplanebot.adapter.plane.PlaneSettings;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads and validates the configuration from the environment and an optional {@code .env} file. A variable set
 * in the real environment wins over the file. Every problem is collected, so one message names them all: the
 * loader checks what only the service knows and builds the adapters' own settings, whose refusals name the
 * setting, so each one is reported under its variable.
 */
public final class ConfigLoader {
    private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
    private static final int MAX_PLANE_RATE_LIMIT = 10_000;
    /** The variable each {@link PlaneSettings} component is read from. */
    private static final Map<String, String> PLANE_VARIABLES = Map.of(
            "baseUrl", "PLANE_BASE_URL",
            "apiKey", "PLANE_API_TOKEN",
            "workspaceSlug", "PLANE_WORKSPACE_SLUG",
            "projects", "PLANE_PROJECTS",
            "perPage", "PLANE_PER_PAGE",
            "rateLimitPerMinute", "PLANE_RATE_LIMIT_PER_MINUTE");
    /** The variable each {@link CalDavSettings} component is read from. */
    private static final Map<String, String> CALDAV_VARIABLES = Map.of(
            "url", "CALDAV_URL",
            "username", "CALDAV_USERNAME",
            "password", "CALDAV_PASSWORD",
            "authType", "CALDAV_AUTH_TYPE");
    /** What a valid value looks like, for the variables whose problems are not about a number, boolean or choice. */
    private static final Map<String, String> EXPECTED = Map.of(
            "PLANE_BASE_URL", "your Plane origin, e.g. https://plane.example.com",
            "PLANE_API_TOKEN", "the API key from Plane: Profile settings > Personal access tokens",
            "PLANE_WORKSPACE_SLUG", "the workspace part of Plane URLs: letters, digits, '-' and '_', e.g. my-team",
            "PLANE_PER_PAGE", "a whole number from 1 to " + PlaneSettings.MAX_PER_PAGE + " (default "
                    + PlaneSettings.DEFAULT_PER_PAGE + ")",
            "CALDAV_URL", "the calendar server URL, e.g. https://dav.example.com/ or a calendar home or calendar URL",
            "CALDAV_USERNAME", "the calendar account's user name",
            "CALDAV_PASSWORD", "the calendar account's password or app password",
            "CALDAV_AUTH_TYPE", "basic or digest");

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

    public Optional<Path> dotEnvFile() {
        return dotEnvFile;
    }

    public AppConfig load() {
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
        return new Reader(values, problems).read();
    }

    /** Reads one set of values, collecting problems. */
    private static final class Reader {
        private final Map<String, String> values;
        private final List<ConfigProblem> problems;

        Reader(Map<String, String> values, List<ConfigProblem> problems) {
            this.values = values;
            this.problems = problems;
        }

        AppConfig read() {
            PlaneSettings plane = planeSettings();
            URI webUrl = optional("PLANE_WEB_URL").map(v -> url("PLANE_WEB_URL", v))
                    .orElse(plane == null ? null : plane.baseUrl());
            Optional<Secret> webhookSecret = optional("PLANE_WEBHOOK_SECRET").map(Secret::new);
            CalDavSettings calDav = calDavSettings();

            int interval = integer("SYNC_INTERVAL_SECONDS", 300, 10, 7 * 24 * 3600);
            boolean enabled = bool("ENABLE_SYNC", true);
            boolean forceDelete = bool("SYNC_FORCE_DELETE", false);

            String host = optional("HOST").orElse("0.0.0.0");
            int port = integer("PORT", 8765, 0, 65535);
            Optional<Secret> apiToken = optional("API_TOKEN").map(Secret::new);
            boolean trustProxy = bool("TRUST_PROXY", false);
            int webhookLimit = integer("WEBHOOK_RATE_LIMIT_PER_MINUTE", 100, 1, 1_000_000);
            int syncLimit = integer("SYNC_RATE_LIMIT_PER_HOUR", 10, 1, 1_000_000);

            String level = logLevel();
            LogFormat format = choice("LOG_FORMAT", LogFormat.class, LogFormat.TEXT, "text or json");
            Path logDir = Path.of(optional("LOG_DIR").orElse("logs"));

            if (!problems.isEmpty()) {
                throw new ConfigException(problems);
            }
            return new AppConfig(plane, new PlaneWebConfig(webUrl, webhookSecret), calDav,
                    new SyncConfig(Duration.ofSeconds(interval), enabled, forceDelete),
                    new HttpConfig(host, port, apiToken, trustProxy, webhookLimit, syncLimit),
                    new LogConfig(level, format, logDir));
        }

        /** The Plane client's settings; their own checks (URL, slug, page size) report as problems here. */
        private PlaneSettings planeSettings() {
            String baseUrl = required("PLANE_BASE_URL");
            Optional<String> token = optional("PLANE_API_TOKEN").or(() -> optional("PLANE_API_KEY"));
            if (token.isEmpty()) {
                problem("PLANE_API_TOKEN", "is not set");
            }
            PlaneSettings.Builder builder = PlaneSettings.builder()
                    .apiKey(token.orElse(null))
                    .workspaceSlug(required("PLANE_WORKSPACE_SLUG"))
                    .projects(list("PLANE_PROJECTS"))
                    .perPage(integer("PLANE_PER_PAGE", PlaneSettings.DEFAULT_PER_PAGE))
                    .rateLimitPerMinute(integer("PLANE_RATE_LIMIT_PER_MINUTE",
                            PlaneSettings.DEFAULT_RATE_LIMIT_PER_MINUTE, 1, MAX_PLANE_RATE_LIMIT));
            if (baseUrl != null) {
                adapterStep(() -> builder.baseUrl(baseUrl));
            }
            return adapterStep(builder::build).orElse(null);
        }

        /** The CalDAV store's settings; their own checks (URL, auth type) report as problems here. */
        private CalDavSettings calDavSettings() {
            String url = required("CALDAV_URL");
            String user = required("CALDAV_USERNAME");
            String password = required("CALDAV_PASSWORD");
            AuthType auth = optional("CALDAV_AUTH_TYPE").flatMap(v -> adapterStep(() -> AuthType.parse(v)))
                    .orElse(AuthType.BASIC);
            return url == null ? null : adapterStep(() -> CalDavSettings.of(url, user, password, auth)).orElse(null);
        }

        /**
         * Runs one step that builds or reads adapter settings. A refusal becomes one problem per invalid setting,
         * under its variable, unless that variable already has a problem (e.g. "is not set").
         */
        private <T> Optional<T> adapterStep(Supplier<T> step) {
            try {
                return Optional.of(step.get());
            } catch (InvalidPlaneSettingsException e) {
                adapterProblems(e.reasons(), PLANE_VARIABLES);
            } catch (InvalidCalDavSettingsException e) {
                adapterProblems(e.reasons(), CALDAV_VARIABLES);
            }
            return Optional.empty();
        }

        private void adapterProblems(Map<String, String> reasons, Map<String, String> variables) {
            reasons.forEach((setting, reason) -> {
                String variable = variables.getOrDefault(setting, setting);
                if (problems.stream().noneMatch(p -> p.variable().equals(variable))) {
                    problem(variable, reason);
                }
            });
        }

        private void problem(String variable, String problem) {
            problems.add(new ConfigProblem(variable, problem, EXPECTED.getOrDefault(variable, "a valid value")));
        }

        private String logLevel() {
            String raw = optional("LOG_LEVEL").orElse("INFO").toUpperCase(Locale.ROOT);
            if (raw.equals("WARNING")) {
                raw = "WARN";
            }
            if (raw.equals("CRITICAL")) {
                raw = "ERROR";
            }
            if (!LEVELS.contains(raw)) {
                problems.add(new ConfigProblem("LOG_LEVEL", "'" + raw + "' is not a log level",
                        "DEBUG, INFO, WARNING or ERROR"));
                return "INFO";
            }
            return raw;
        }

        private Optional<String> optional(String name) {
            String value = values.get(name);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
        }

        private String required(String name) {
            Optional<String> value = optional(name);
            if (value.isEmpty()) {
                problem(name, "is not set");
                return null;
            }
            return value.get();
        }

        private URI url(String name, String raw) {
            try {
                URI uri = new URI(raw);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            problems.add(new ConfigProblem(name, "'" + raw + "' is not an http(s) URL",
                    "a URL such as https://host.example.com"));
            return null;
        }

        private int integer(String name, int fallback, int min, int max) {
            Optional<String> raw = optional(name);
            if (raw.isEmpty()) {
                return fallback;
            }
            try {
                int value = Integer.parseInt(raw.get());
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add(new ConfigProblem(name, "'" + raw.get() + "' is out of range or not a number",
                    "a whole number from " + min + " to " + max + " (default " + fallback + ")"));
            return fallback;
        }

        /** A whole number whose range the adapter checks. */
        private int integer(String name, int fallback) {
            Optional<String> raw = optional(name);
            try {
                return raw.isEmpty() ? fallback : Integer.parseInt(raw.get());
            } catch (NumberFormatException e) {
                problem(name, "'" + raw.get() + "' is not a whole number");
                return fallback;
            }
        }

        private boolean bool(String name, boolean fallback) {
            Optional<String> raw = optional(name);
            if (raw.isEmpty()) {
                return fallback;
            }
            switch (raw.get().toLowerCase(Locale.ROOT)) {
                case "true": case "1": case "yes": case "on":
                    return true;
                case "false": case "0": case "no": case "off":
                    return false;
                default:
                    problems.add(new ConfigProblem(name, "'" + raw.get() + "' is not a boolean",
                            "true or false (default " + fallback + ")"));
                    return fallback;
            }
        }

        private <E extends Enum<E>> E choice(String name, Class<E> type, E fallback, String expected) {
            Optional<String> raw = optional(name);
            if (raw.isEmpty()) {
                return fallback;
            }
            try {
                return Enum.valueOf(type, raw.get().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(name, "'" + raw.get() + "' is not allowed", expected));
                return fallback;
            }
        }

        private List<String> list(String name) {
            List<String> items = new ArrayList<>();
            optional(name).ifPresent(v -> {
                for (String item : v.split(",")) {
                    if (!item.isBlank()) {
                        items.add(item.strip());
                    }
                }
            });
            return items;
        }
    }
}
