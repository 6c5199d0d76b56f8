package io.calplanebot.app.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration of {@code calplanebot demo}, built in code: the sample Plane workspace, a webhook secret shared
 * with its sender, the API on 127.0.0.1, and a data directory. Read through the normal {@link ConfigLoader}, so the
 * demo is checked like any configuration and picks up whatever the loader learns (such as the calendar targets).
 * From the environment only the calendar target and logging settings pass ({@link #PASSED_THROUGH}); everything
 * else about Plane and the API is the demo's own. No {@code .env} file is read or watched.
 *
 * @param planeBaseUrl  the sample Plane server's origin
 * @param apiKey        its API key
 * @param workspaceSlug its workspace
 * @param webhookSecret the secret the sample signs its webhooks with
 * @param port          the API's port on 127.0.0.1
 * @param dataDirectory where the service keeps its data (and the demo its logs)
 */
public record DemoSettings(URI planeBaseUrl, String apiKey, String workspaceSlug, String webhookSecret, int port,
                           Path dataDirectory) {
    /** Prefixes of the environment variables the demo takes from the environment. */
    public static final List<String> PASSED_THROUGH = List.of("CALDAV_", "LOG_LEVEL", "LOG_FORMAT");
    /** How often the demo's periodic full sync runs, in seconds. */
    public static final int SYNC_INTERVAL_SECONDS = 60;

    public DemoSettings {
        Objects.requireNonNull(planeBaseUrl, "planeBaseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(workspaceSlug, "workspaceSlug");
        Objects.requireNonNull(webhookSecret, "webhookSecret");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
    }

    /** The demo's values as environment variables (what a user would put in {@code .env} to run the same). */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("PLANE_BASE_URL", planeBaseUrl.toString());
        values.put("PLANE_API_TOKEN", apiKey);
        values.put("PLANE_WORKSPACE_SLUG", workspaceSlug);
        values.put("PLANE_WEBHOOK_SECRET", webhookSecret);
        values.put("HOST", "127.0.0.1");
        values.put("PORT", Integer.toString(port));
        values.put("DATA_DIR", dataDirectory.toString());
        values.put("LOG_DIR", dataDirectory.resolve("logs").toString());
        values.put("LOG_LEVEL", "WARN");
        values.put("SYNC_INTERVAL_SECONDS", Integer.toString(SYNC_INTERVAL_SECONDS));
        values.put("ENABLE_SYNC", "true");
        return values;
    }

    /** A loader over the demo's values plus the passed-through variables of {@code environment}, without a file. */
    public ConfigLoader loader(Map<String, String> environment) {
        Map<String, String> merged = new LinkedHashMap<>(values());
        environment.forEach((name, value) -> {
            if (PASSED_THROUGH.stream().anyMatch(name::startsWith)) {
                merged.put(name, value);
            }
        });
        return new ConfigLoader(merged, Optional.empty());
    }
}
