package io.calplanebot.core.sync;

import java.time.Duration;
import java.util.Objects;

/**
 * How the webhook inbox is worked.
 *
 * @param claimHold     how long a claim on deliveries holds while they are applied; a process that died lets its
 *                      claims run out after this
 * @param takeOverAfter how long a delivery may stay unclaimed (another replica took it and is settling it) before
 *                      any process takes it over
 * @param scanEvery     how often the inbox is scanned for deliveries to take over
 */
public record InboxTiming(Duration claimHold, Duration takeOverAfter, Duration scanEvery) {
    /** The service's timing: claims hold 2 minutes, deliveries are taken over after 30 s, scans every 10 s. */
    public static final InboxTiming SERVICE = new InboxTiming(Duration.ofMinutes(2), Duration.ofSeconds(30),
            Duration.ofSeconds(10));

    public InboxTiming {
        Objects.requireNonNull(claimHold, "claim hold");
        Objects.requireNonNull(takeOverAfter, "take over after");
        Objects.requireNonNull(scanEvery, "scan every");
        if (claimHold.isNegative() || claimHold.isZero() || takeOverAfter.isNegative() || scanEvery.isNegative()
                || scanEvery.isZero()) {
            throw new IllegalArgumentException("inbox timing must be positive");
        }
    }
}
