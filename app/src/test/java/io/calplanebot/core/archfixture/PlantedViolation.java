package io.calplanebot.core.archfixture;

import java.time.Instant;

/** Breaks two core rules on purpose, so that the architecture test can show its rules do fail. Test code only. */
public final class PlantedViolation {
    private PlantedViolation() {
    }

    public static Instant readsTheClock() {
        org.junit.jupiter.api.Assertions.assertTrue(true);
        return Instant.now();
    }
}
