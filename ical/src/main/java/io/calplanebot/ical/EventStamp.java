package io.calplanebot.ical;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The bookkeeping properties written beside an event's managed content: {@code DTSTAMP}, and where known
 * {@code CREATED}, {@code LAST-MODIFIED} and {@code SEQUENCE}. Times are kept to the second, as iCalendar does.
 */
public record EventStamp(Instant stamp, Optional<Instant> created, Optional<Instant> lastModified,
                         OptionalInt sequence) {
    public EventStamp {
        stamp = Objects.requireNonNull(stamp, "stamp").truncatedTo(ChronoUnit.SECONDS);
        created = Objects.requireNonNull(created, "created").map(t -> t.truncatedTo(ChronoUnit.SECONDS));
        lastModified = Objects.requireNonNull(lastModified, "lastModified").map(t -> t.truncatedTo(ChronoUnit.SECONDS));
        Objects.requireNonNull(sequence, "sequence");
        if (sequence.isPresent() && sequence.getAsInt() < 0) {
            throw new IllegalArgumentException("SEQUENCE is never negative: " + sequence.getAsInt());
        }
    }

    /** An event written for the first time: stamped, created and modified now, SEQUENCE 0 (as the codec does). */
    public static EventStamp newEvent(Instant now) {
        return new EventStamp(now, Optional.of(now), Optional.of(now), OptionalInt.of(0));
    }

    /** Only DTSTAMP: an event published in a feed, whose history the feed does not know. */
    public static EventStamp stampedAt(Instant now) {
        return new EventStamp(now, Optional.empty(), Optional.empty(), OptionalInt.empty());
    }
}
