package io.calplanebot.app.config;

import io.calplanebot.adapter.caldav.CalDavSettings;
import io.calplanebot.adapter.plane.PlaneSettings;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The whole validated configuration: the adapters' own settings plus what only the service knows. Records, so a
 * reload can compare each part with the running one.
 */
public record AppConfig(PlaneSettings plane, PlaneWebConfig planeWeb, CalDavSettings calDav, SyncConfig sync,
                        HttpConfig http, LogConfig log, FeedConfig feeds) {
    public AppConfig {
        Objects.requireNonNull(plane, "plane");
        Objects.requireNonNull(planeWeb, "planeWeb");
        Objects.requireNonNull(calDav, "calDav");
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(feeds, "feeds");
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
        out.put("PLANE_PER_PAGE", String.valueOf(plane.perPage()));
        out.put("PLANE_RATE_LIMIT_PER_MINUTE", String.valueOf(plane.rateLimitPerMinute()));
        out.put("CALDAV_URL", calDav.url().toString());
        out.put("CALDAV_USERNAME", calDav.username());
        out.put("CALDAV_PASSWORD", new Secret(calDav.password()).masked());
        out.put("CALDAV_AUTH_TYPE", calDav.authType().name().toLowerCase(Locale.ROOT));
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
