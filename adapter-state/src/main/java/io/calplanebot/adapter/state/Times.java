package io.calplanebot.adapter.state;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants as the columns keep them: epoch milliseconds, and microseconds for Plane's {@code updated_at}. */
final class Times {
    private Times() {
    }

    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    static Instant fromMicros(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    /** The first millisecond not before {@code instant}. */
    static long ceilMillis(Instant instant) {
        long millis = instant.toEpochMilli();
        return instant.getNano() % 1_000_000 == 0 ? millis : millis + 1;
    }
}
