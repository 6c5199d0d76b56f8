package io.calplanebot.core.sync;

import java.time.Duration;
import java.util.Objects;

/**
 * When the periodic full sync runs.
 *
 * @param interval    the wait after one run ends before the next starts
 * @param enabled     false turns off only the periodic sync; webhooks and the manual trigger still work
 * @param forceDelete let every periodic run pass the mass-deletion guard
 */
public record SyncSchedule(Duration interval, boolean enabled, boolean forceDelete) {
    public SyncSchedule {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the sync interval must be positive: " + interval);
        }
    }
}
