package io.calplanebot.adapter.plane.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * Plane's date formats: dates are {@code YYYY-MM-DD}; datetimes are ISO-8601 with any offset ({@code Z},
 * {@code +05:30}: REST datetimes follow the key owner's timezone) and optional fractional seconds. A datetime
 * without an offset is read as UTC.
 */
public final class PlaneDates {
    private PlaneDates() {
    }

    /** Parses {@code YYYY-MM-DD} exactly (ASCII digits, a real day). */
    public static LocalDate date(String text) {
        if (text == null || text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            throw new DateTimeParseException("not a YYYY-MM-DD date", String.valueOf(text), 0);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        if ((year | month | day) < 0) {
            throw new DateTimeParseException("not a YYYY-MM-DD date", text, 0);
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new DateTimeParseException("not a date of the calendar", text, 0, e);
        }
    }

    /** Parses an ISO-8601 datetime with or without offset (without: UTC). */
    public static Instant dateTime(String text) {
        if (text == null || text.length() < 16 || text.length() > 64) {
            throw new DateTimeParseException("not an ISO-8601 datetime", String.valueOf(text), 0);
        }
        Instant common = commonDateTime(text);
        return common != null ? common : anyDateTime(text);
    }

    /**
     * The shape Plane writes, {@code YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)}, read field by field: every
     * delivery and every listed issue carries a few of these, and the general formatter below costs several times
     * more. Anything else (and any field out of range) answers null and is left to the general formatter, which
     * decides (and words the error) as before.
     */
    static Instant commonDateTime(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (text.charAt(at) == '.') {
            int start = ++at;
            while (at < length && at - start < 9 && isDigit(text.charAt(at))) {
                nanos = nanos * 10 + (text.charAt(at) - '0');
                at++;
            }
            if (at == start || (at < length && isDigit(text.charAt(at)))) {
                return null;
            }
            for (int i = at - start; i < 9; i++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (at == length - 1 && text.charAt(at) == 'Z') {
            offsetSeconds = 0;
        } else if (at == length - 6 && (text.charAt(at) == '+' || text.charAt(at) == '-') && text.charAt(at + 3) == ':') {
            int hours = digits(text, at + 1, 2);
            int minutes = digits(text, at + 4, 2);
            if ((hours | minutes) < 0 || hours > 18 || minutes > 59) {
                return null;
            }
            offsetSeconds = (text.charAt(at) == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
        } else {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                    .toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Any ISO-8601 datetime, through the general formatter. */
    static Instant anyDateTime(String text) {
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from,
                LocalDateTime::from);
        if (parsed instanceof ZonedDateTime) {
            return ((ZonedDateTime) parsed).toInstant();
        }
        return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    }
}
