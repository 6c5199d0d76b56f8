package io.calplanebot.adapter.http.limit;

/**
 * Whether one request may pass, and what to tell the client about its window.
 *
 * @param limit             requests allowed per window
 * @param remaining         requests left in the current window after this one
 * @param resetEpochSecond  when the current window ends (epoch seconds)
 * @param retryAfterSeconds for a refused request: seconds until the window ends (at least 1)
 */
public record RateLimitDecision(boolean allowed, int limit, int remaining, long resetEpochSecond, long retryAfterSeconds) {
}
