package io.calplanebot.ical;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a VCALENDAR says about itself besides PRODID, VERSION and CALSCALE, which are always written.
 *
 * @param name            the calendar's name for subscribers ({@code X-WR-CALNAME} and RFC 7986 {@code NAME})
 * @param publish         whether to write {@code METHOD:PUBLISH} (subscription feeds)
 * @param refreshInterval how often subscribers should fetch again ({@code REFRESH-INTERVAL;VALUE=DURATION} and
 *                        {@code X-PUBLISHED-TTL}); whole seconds, positive
 */
public record CalendarHeader(Optional<String> name, boolean publish, Optional<Duration> refreshInterval) {
    public CalendarHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(refreshInterval, "refreshInterval");
        refreshInterval.ifPresent(interval -> {
            if (interval.isNegative() || interval.isZero() || interval.getNano() != 0) {
                throw new IllegalArgumentException("a refresh interval is a positive number of whole seconds: "
                        + interval);
            }
        });
    }

    /** Just PRODID, VERSION and CALSCALE: the header of one stored event. */
    public static CalendarHeader plain() {
        return new CalendarHeader(Optional.empty(), false, Optional.empty());
    }

    /** A subscription feed: METHOD:PUBLISH, its name, and how often to fetch it again. */
    public static CalendarHeader feed(String name, Duration refreshInterval) {
        return new CalendarHeader(Optional.of(name), true, Optional.of(refreshInterval));
    }

    /** The refresh interval as an RFC 5545 duration, e.g. {@code PT1H30M}. */
    static String durationText(Duration duration) {
        long seconds = duration.getSeconds();
        StringBuilder text = new StringBuilder("PT");
        if (seconds >= 3600) {
            text.append(seconds / 3600).append('H');
        }
        if (seconds % 3600 >= 60) {
            text.append(seconds % 3600 / 60).append('M');
        }
        if (seconds % 60 != 0) {
            text.append(seconds % 60).append('S');
        }
        return text.toString();
    }
}
