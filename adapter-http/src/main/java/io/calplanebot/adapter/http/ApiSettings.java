package io.calplanebot.adapter.http;

import java.util.Objects;
import java.util.Optional;

/**
 * The settings of the HTTP API that may change while the server runs ({@link HttpApi#update(ApiSettings)}).
 *
 * @param apiToken        when present, {@code POST /webhooks/sync} requires {@code Authorization: Bearer <token>}
 * @param trustProxy      take the client address from the left-most {@code X-Forwarded-For} entry instead of the socket
 * @param webhookLimit    per client address, for {@code POST /webhooks/plane}
 * @param syncLimit       per client address, for {@code POST /webhooks/sync}
 * @param feedLimit       per client address, for the {@code /feeds/...} routes together
 * @param untokenedFeeds  whether {@code /feeds/public/{project}.ics} serves a project's feed without a token (a
 *                        trusted LAN); when false that route answers 404 like any unknown path
 */
public record ApiSettings(Optional<String> apiToken, boolean trustProxy, RateLimit webhookLimit, RateLimit syncLimit,
                          RateLimit feedLimit, boolean untokenedFeeds) {

    public ApiSettings {
        Objects.requireNonNull(apiToken, "api token");
        Objects.requireNonNull(webhookLimit, "webhook limit");
        Objects.requireNonNull(syncLimit, "sync limit");
        Objects.requireNonNull(feedLimit, "feed limit");
        apiToken = apiToken.filter(token -> !token.isBlank());
    }

    /**
     * The spec's defaults (no token, no proxy, webhooks 100 per minute, sync trigger 10 per hour), feeds 60 per
     * minute, no untokened feeds.
     */
    public static ApiSettings defaults() {
        return new ApiSettings(Optional.empty(), false, RateLimit.perMinute(100), RateLimit.perHour(10),
                RateLimit.perMinute(60), false);
    }

    public ApiSettings withApiToken(String token) {
        return new ApiSettings(Optional.ofNullable(token), trustProxy, webhookLimit, syncLimit, feedLimit,
                untokenedFeeds);
    }

    public ApiSettings withTrustProxy(boolean trust) {
        return new ApiSettings(apiToken, trust, webhookLimit, syncLimit, feedLimit, untokenedFeeds);
    }

    public ApiSettings withWebhookLimit(RateLimit limit) {
        return new ApiSettings(apiToken, trustProxy, limit, syncLimit, feedLimit, untokenedFeeds);
    }

    public ApiSettings withSyncLimit(RateLimit limit) {
        return new ApiSettings(apiToken, trustProxy, webhookLimit, limit, feedLimit, untokenedFeeds);
    }

    public ApiSettings withFeedLimit(RateLimit limit) {
        return new ApiSettings(apiToken, trustProxy, webhookLimit, syncLimit, limit, untokenedFeeds);
    }

    public ApiSettings withUntokenedFeeds(boolean allowed) {
        return new ApiSettings(apiToken, trustProxy, webhookLimit, syncLimit, feedLimit, allowed);
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "ApiSettings[apiToken=" + (apiToken.isPresent() ? "<set>" : "<none>") + ", trustProxy=" + trustProxy
                + ", webhookLimit=" + webhookLimit + ", syncLimit=" + syncLimit + ", feedLimit=" + feedLimit
                + ", untokenedFeeds=" + untokenedFeeds + "]";
    }
}
