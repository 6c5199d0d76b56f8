package io.calplanebot.adapter.http;

import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code requests} requests per client address in each {@code window}.
 *
 * @param requests how many requests a client may make per window, at least 1
 * @param window   the length of a window, at least one second
 */
public record RateLimit(int requests, Duration window) {

    public RateLimit {
        Objects.requireNonNull(window, "window");
        if (requests < 1) {
            throw new IllegalArgumentException("a rate limit allows at least 1 request, got " + requests);
        }
        if (window.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("a rate limit window is at least 1 second, got " + window);
        }
    }

    public static RateLimit perMinute(int requests) {
        return new RateLimit(requests, Duration.ofMinutes(1));
    }

    public static RateLimit perHour(int requests) {
        return new RateLimit(requests, Duration.ofHours(1));
    }
}
