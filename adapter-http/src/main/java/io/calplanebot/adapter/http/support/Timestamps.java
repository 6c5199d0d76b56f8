package io.calplanebot.adapter.http.support;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The API's time formats: ISO-8601 UTC instants to the second ({@code 2025-12-27T10:30:00Z}) and uptimes ({@code 2h 15m 30s}). */
public final class Timestamps {

    private Timestamps() {
    }

    public static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** {@code null} for an absent instant, so that the JSON shows {@code null}. */
    public static String isoOrNull(java.util.Optional<Instant> instant) {
        return instant.map(Timestamps::iso).orElse(null);
    }

    /** {@code 2h 15m 30s}; a day or more is written {@code 1d 2h 15m 30s}; a negative span counts as zero. */
    public static String uptime(Duration span) {
        long seconds = Math.max(0, span.getSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        String clock = hours + "h " + minutes + "m " + seconds % 60 + "s";
        return days > 0 ? days + "d " + clock : clock;
    }
}
