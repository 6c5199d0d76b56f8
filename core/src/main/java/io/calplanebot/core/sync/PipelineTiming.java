package io.calplanebot.core.sync;

import java.time.Duration;
import java.util.Objects;

/**
 * How the webhook pipeline waits.
 *
 * @param settle      how long changes to one subject gather before they are applied (Plane sends one delivery per
 *                    changed field)
 * @param retryDelay  the wait before the first retry of a failed apply; each further retry waits one more of it
 * @param maxAttempts how many times a change is tried before it is left to the next full sync
 */
public record PipelineTiming(Duration settle, Duration retryDelay, int maxAttempts) {
    /** The service's timing: 300 ms to settle, retries after 2 s and 4 s. */
    public static final PipelineTiming SERVICE = new PipelineTiming(Duration.ofMillis(300), Duration.ofSeconds(2), 3);
    /** Apply at once, retry at once: for embedding with {@link io.calplanebot.core.port.out.TaskScheduler#IMMEDIATE}. */
    public static final PipelineTiming IMMEDIATE = new PipelineTiming(Duration.ZERO, Duration.ZERO, 3);

    public PipelineTiming {
        Objects.requireNonNull(settle, "settle");
        Objects.requireNonNull(retryDelay, "retry delay");
        if (settle.isNegative() || retryDelay.isNegative() || maxAttempts < 1) {
            throw new IllegalArgumentException("pipeline timing must be non-negative with at least one attempt");
        }
    }
}
