package io.calplanebot.adapter.plane.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;

/**
 * Plane's date formats: dates are {@code YYYY-MM-DD}; datetimes are ISO-8601 with any offset ({@code Z},
 * {@code +05:30}: REST datetimes follow the key owner's timezone) and optional fractional seconds. A datetime
 * without an offset is read as UTC.
 */
public final class PlaneDates {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private PlaneDates() {
    }

    /** Parses {@code YYYY-MM-DD} exactly. */
    public static LocalDate date(String text) {
        if (text == null || !DATE.matcher(text).matches()) {
            throw new DateTimeParseException("not a YYYY-MM-DD date", String.valueOf(text), 0);
        }
        return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
    }

    /** Parses an ISO-8601 datetime with or without offset (without: UTC). */
    public static Instant dateTime(String text) {
        if (text == null || text.length() < 16 || text.length() > 64) {
            throw new DateTimeParseException("not an ISO-8601 datetime", String.valueOf(text), 0);
        }
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from,
                LocalDateTime::from);
        if (parsed instanceof ZonedDateTime) {
            return ((ZonedDateTime) parsed).toInstant();
        }
        return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    }
}
