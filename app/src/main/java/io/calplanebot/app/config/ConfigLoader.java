package io.calplanebot.app.config;

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

/**
 * Reads and validates the configuration from the environment and an optional {@code .env} file. A variable set
 * in the real environment wins over the file. Every problem is collected, so one message names them all.
 */
public final class ConfigLoader {
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
            URI planeBase = planeBaseUrl();
            Optional<String> token = optional("PLANE_API_TOKEN").or(() -> optional("PLANE_API_KEY"));
            if (token.isEmpty()) {
                problems.add(new ConfigProblem("PLANE_API_TOKEN", "is not set",
                        "the API key from Plane: Profile settings > Personal access tokens"));
            }
            String workspace = required("PLANE_WORKSPACE_SLUG", "the workspace part of Plane URLs, e.g. my-team");
            if (workspace != null && !workspace.matches("[A-Za-z0-9_-]+")) {
                problems.add(new ConfigProblem("PLANE_WORKSPACE_SLUG", "contains characters a slug cannot have",
                        "letters, digits, '-' and '_' only, e.g. my-team"));
            }
            URI webUrl = optional("PLANE_WEB_URL").map(v -> url("PLANE_WEB_URL", v)).orElse(planeBase);
            List<String> projects = list("PLANE_PROJECTS");
            Optional<Secret> webhookSecret = optional("PLANE_WEBHOOK_SECRET").map(Secret::new);
            int perPage = integer("PLANE_PER_PAGE", 100, 1, 1000);
            int planeRate = integer("PLANE_RATE_LIMIT_PER_MINUTE", 60, 1, 10_000);

            URI calDavUrl = Optional.ofNullable(required("CALDAV_URL",
                    "the calendar server URL, e.g. https://dav.example.com/ or a calendar home or calendar URL"))
                    .map(v -> url("CALDAV_URL", v)).orElse(null);
            String user = required("CALDAV_USERNAME", "the calendar account's user name");
            String password = required("CALDAV_PASSWORD", "the calendar account's password or app password");
            AuthType auth = choice("CALDAV_AUTH_TYPE", AuthType.class, AuthType.BASIC, "basic or digest");

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
            return new AppConfig(
                    new PlaneConfig(planeBase, new Secret(token.get()), workspace, webUrl, projects, webhookSecret,
                            perPage, planeRate),
                    new CalDavConfig(calDavUrl, user, new Secret(password), auth),
                    new SyncConfig(Duration.ofSeconds(interval), enabled, forceDelete),
                    new HttpConfig(host, port, apiToken, trustProxy, webhookLimit, syncLimit),
                    new LogConfig(level, format, logDir));
        }

        private URI planeBaseUrl() {
            String raw = required("PLANE_BASE_URL", "your Plane origin, e.g. https://plane.example.com");
            if (raw == null) {
                return null;
            }
            String trimmed = raw.replaceAll("/+$", "");
            if (trimmed.endsWith("/api/v1")) {
                trimmed = trimmed.substring(0, trimmed.length() - "/api/v1".length());
            } else if (trimmed.endsWith("/api")) {
                trimmed = trimmed.substring(0, trimmed.length() - "/api".length());
            }
            return url("PLANE_BASE_URL", trimmed);
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

        private String required(String name, String expected) {
            Optional<String> value = optional(name);
            if (value.isEmpty()) {
                problems.add(new ConfigProblem(name, "is not set", expected));
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
