package io.calplanebot.adapter.plane.client;

import java.time.Duration;
import java.util.Optional;

/** A 429 or 5xx answer that is worth retrying; carries Plane's Retry-After when it sent one. */
final class TransientFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient PlaneResponse response;
    private final transient Optional<Duration> retryAfter;

    TransientFailure(PlaneResponse response, Optional<Duration> retryAfter) {
        super("HTTP " + response.status(), null, false, false);
        this.response = response;
        this.retryAfter = retryAfter;
    }

    PlaneResponse response() {
        return response;
    }

    Optional<Duration> retryAfter() {
        return retryAfter;
    }

    boolean rateLimited() {
        return response.status() == 429;
    }
}
