package io.calplanebot.app.config;

import io.calplanebot.adapter.state.DatabaseUrl;
import io.calplanebot.adapter.caldav.CalDavSettings;
import io.calplanebot.adapter.plane.PlaneSettings;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole validated configuration: the adapters' own settings plus what only the service knows. Records, so a
 * reload can compare each part with the running one.
 */
public record AppConfig(PlaneSettings plane, PlaneWebConfig planeWeb, Optional<CalDavSettings> calDav, SyncConfig sync,
                        HttpConfig http, LogConfig log, FeedConfig feeds, StateConfig state) {
    public AppConfig {
        Objects.requireNonNull(plane, "plane");
        Objects.requireNonNull(planeWeb, "planeWeb");
        Objects.requireNonNull(calDav, "calDav");
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(feeds, "feeds");
        Objects.requireNonNull(state, "state");
    }

    /** {@code DATA_DIR}: where the built-in store and the feed tokens live. */
    public Path dataDir() {
        return feeds.dataDirectory();
    }

    /** Every setting with secrets masked, for logs and {@code diagnose}. */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("PLANE_BASE_URL", plane.baseUrl().toString());
        out.put("PLANE_API_TOKEN", new Secret(plane.apiKey()).masked());
        out.put("PLANE_WORKSPACE_SLUG", plane.workspaceSlug());
        out.put("PLANE_WEB_URL", planeWeb.webUrl().toString());
        out.put("PLANE_PROJECTS", plane.projects().isEmpty() ? "(all)" : String.join(",", plane.projects()));
        out.put("PLANE_WEBHOOK_SECRET", planeWeb.webhookSecret().map(Secret::masked)
                .orElse("(not set: signatures not checked)"));
        out.put("EVENT_TITLE_FORMAT", planeWeb.titleFormat().template());
        out.put("PLANE_PER_PAGE", String.valueOf(plane.perPage()));
        out.put("PLANE_RATE_LIMIT_PER_MINUTE", String.valueOf(plane.rateLimitPerMinute()));
        if (calDav.isPresent()) {
            CalDavSettings dav = calDav.get();
            out.put("CALDAV_URL", dav.url().toString());
            out.put("CALDAV_USERNAME", dav.username());
            out.put("CALDAV_PASSWORD", new Secret(dav.password()).masked());
            out.put("CALDAV_AUTH_TYPE", dav.authType().name().toLowerCase(Locale.ROOT));
        } else {
            out.put("CALDAV_URL", "(not set: the built-in store only)");
        }
        out.put("SYNC_INTERVAL_SECONDS", String.valueOf(sync.interval().toSeconds()));
        out.put("ENABLE_SYNC", String.valueOf(sync.enabled()));
        out.put("SYNC_FORCE_DELETE", String.valueOf(sync.forceDelete()));
        out.put("HOST", http.host());
        out.put("PORT", String.valueOf(http.port()));
        out.put("API_TOKEN", http.apiToken().map(Secret::masked).orElse("(not set)"));
        out.put("TRUST_PROXY", String.valueOf(http.trustProxy()));
        out.put("WEBHOOK_RATE_LIMIT_PER_MINUTE", String.valueOf(http.webhookLimitPerMinute()));
        out.put("SYNC_RATE_LIMIT_PER_HOUR", String.valueOf(http.syncTriggerLimitPerHour()));
        out.put("DATA_DIR", feeds.dataDirectory().toString());
        out.put("PUBLIC_URL", feeds.publicUrl().toString());
        out.put("FEEDS_ALLOW_UNTOKENED", String.valueOf(feeds.allowUntokened()));
        out.put("FEED_RATE_LIMIT_PER_MINUTE", String.valueOf(feeds.limitPerMinute()));
        out.put("DATABASE_URL", state.database().map(DatabaseUrl::toString)
                .orElse("(not set: the embedded database in DATA_DIR)"));
        out.put("DATABASE_POOL_SIZE", String.valueOf(state.maxConnections()));
        out.put("REPLICA_TAKEOVER_SECONDS", String.valueOf(state.takeOver().toSeconds()));
        out.put("LOG_LEVEL", log.level());
        out.put("LOG_FORMAT", log.format().name().toLowerCase(Locale.ROOT));
        out.put("LOG_DIR", log.directory().toString());
        return out;
    }

    @Override
    public String toString() {
        return "AppConfig" + describe();
    }
}
