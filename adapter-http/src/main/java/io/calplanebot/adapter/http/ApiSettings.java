package io.calplanebot.adapter.http;

import java.util.Objects;
import java.util.Optional;

/**
 * The settings of the HTTP API that may change while the server runs ({@link HttpApi#update(ApiSettings)}).
 *
 * @param apiToken     when present, {@code POST /webhooks/sync} requires {@code Authorization: Bearer <token>}
 * @param trustProxy   take the client address from the left-most {@code X-Forwarded-For} entry instead of the socket
 * @param webhookLimit per client address, for {@code POST /webhooks/plane}
 * @param syncLimit    per client address, for {@code POST /webhooks/sync}
 */
public record ApiSettings(Optional<String> apiToken, boolean trustProxy, RateLimit webhookLimit, RateLimit syncLimit) {

    public ApiSettings {
        Objects.requireNonNull(apiToken, "api token");
        Objects.requireNonNull(webhookLimit, "webhook limit");
        Objects.requireNonNull(syncLimit, "sync limit");
        apiToken = apiToken.filter(token -> !token.isBlank());
    }

    /** The spec's defaults: no token, no proxy, webhooks 100 per minute, sync trigger 10 per hour. */
    public static ApiSettings defaults() {
        return new ApiSettings(Optional.empty(), false, RateLimit.perMinute(100), RateLimit.perHour(10));
    }

    public ApiSettings withApiToken(String token) {
        return new ApiSettings(Optional.ofNullable(token), trustProxy, webhookLimit, syncLimit);
    }

    public ApiSettings withTrustProxy(boolean trust) {
        return new ApiSettings(apiToken, trust, webhookLimit, syncLimit);
    }

    public ApiSettings withWebhookLimit(RateLimit limit) {
        return new ApiSettings(apiToken, trustProxy, limit, syncLimit);
    }

    public ApiSettings withSyncLimit(RateLimit limit) {
        return new ApiSettings(apiToken, trustProxy, webhookLimit, limit);
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "ApiSettings[apiToken=" + (apiToken.isPresent() ? "<set>" : "<none>") + ", trustProxy=" + trustProxy
                + ", webhookLimit=" + webhookLimit + ", syncLimit=" + syncLimit + "]";
    }
}
