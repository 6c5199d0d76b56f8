package io.calplanebot.sample;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Datetimes as DRF renders Python's {@code isoformat()}: microseconds unless zero, {@code Z} for UTC. */
final class PlaneTime {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

    private PlaneTime() {
    }

    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static String iso(Instant instant, ZoneId zone) {
        if (instant == null) {
            return null;
        }
        ZonedDateTime time = micros(instant).atZone(zone);
        StringBuilder out = new StringBuilder(SECONDS.format(time));
        int micros = time.getNano() / 1000;
        if (micros != 0) {
            out.append(String.format(Locale.ROOT, ".%06d", micros));
        }
        String offset = time.getOffset().equals(ZoneOffset.UTC) ? "Z" : time.getOffset().getId();
        return out.append(offset).toString();
    }

    static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
