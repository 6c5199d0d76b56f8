package io.calplanebot.adapter.http.limit;

import io.calplanebot.adapter.http.ApiSettings;
import io.calplanebot.adapter.http.RateLimit;
import io.calplanebot.adapter.http.error.ApiError;
import io.calplanebot.adapter.http.error.ErrorCode;
import io.calplanebot.adapter.http.support.ClientAddress;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Puts a per-client rate limit in front of a handler. Every answer of a limited route carries
 * {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} (epoch seconds); a refused
 * request gets {@code 429 RATE_LIMIT_EXCEEDED} with {@code Retry-After}. The limit is read from the current
 * settings on every request.
 */
public final class RateLimitGuard {
    private final RateLimiter limiter;
    private final Supplier<ApiSettings> settings;

    public RateLimitGuard(RateLimiter limiter, Supplier<ApiSettings> settings) {
        this.limiter = limiter;
        this.settings = settings;
    }

    public Handler limit(String bucket, Function<ApiSettings, RateLimit> limitOf, Handler handler) {
        return ctx -> {
            check(ctx, bucket, limitOf);
            handler.handle(ctx);
        };
    }

    private void check(Context ctx, String bucket, Function<ApiSettings, RateLimit> limitOf) {
        ApiSettings current = settings.get();
        RateLimit limit = limitOf.apply(current);
        RateLimitDecision decision = limiter.acquire(bucket, ClientAddress.of(ctx, current.trustProxy()), limit);
        ctx.header("X-RateLimit-Limit", Integer.toString(decision.limit()));
        ctx.header("X-RateLimit-Remaining", Integer.toString(decision.remaining()));
        ctx.header("X-RateLimit-Reset", Long.toString(decision.resetEpochSecond()));
        if (!decision.allowed()) {
            ctx.header("Retry-After", Long.toString(decision.retryAfterSeconds()));
            throw new ApiError(ErrorCode.RATE_LIMIT_EXCEEDED,
                    "Rate limit exceeded: " + limit.requests() + " requests per " + describe(limit)
                            + "; retry after " + decision.retryAfterSeconds() + " s",
                    Map.of("limit", limit.requests(), "window_seconds", limit.window().getSeconds(),
                            "retry_after_seconds", decision.retryAfterSeconds()));
        }
    }

    private static String describe(RateLimit limit) {
        long seconds = limit.window().getSeconds();
        if (seconds == 3600) {
            return "hour";
        }
        if (seconds == 60) {
            return "minute";
        }
        return seconds + " s";
    }
}
