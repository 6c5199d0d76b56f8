package io.calplanebot.adapter.http.limit;

/**
 * Whether one request may pass, and what to tell the client about its sliding window.
 *
 * @param limit             requests allowed per window length
 * @param remaining         requests that may follow this one at once
 * @param resetEpochSecond  when every request counted now has left the window, so the whole limit is free again
 *                          (epoch seconds, rounded up)
 * @param retryAfterSeconds for a refused request: seconds until the next request is allowed (at least 1)
 */
public record RateLimitDecision(boolean allowed, int limit, int remaining, long resetEpochSecond, long retryAfterSeconds) {
}
