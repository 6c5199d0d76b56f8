package io.calplanebot.ical;

import io.calplanebot.core.domain.CalendarEvent;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The update of an object as this product writes it and nobody has changed since, made without ical4j: one
 * VCALENDAR (VERSION 2.0, PRODID, CALSCALE GREGORIAN) holding one VEVENT whose properties are the managed ones, which
 * the update replaces anyway, and CREATED and TRANSP:TRANSPARENT, without parameters where the codec writes none.
 * The result is the object {@link ICalEventCodec#merge} makes of it with ical4j: the event written anew with CREATED
 * kept, SEQUENCE one higher, DTSTAMP and LAST-MODIFIED now, and (in the form with issue facts) the facts replaced.
 * Anything else (an alarm, a property someone added, another TRANSP, several events or calendars, parameters where
 * none belong) answers empty, and the codec asks ical4j.
 */
final class PlainEventMerge {
    private static final int DATE_TIME_LENGTH = 16;

    private PlainEventMerge() {
    }

    /** The merged object, or empty when the stored one needs ical4j's merge. */
    static Optional<String> merge(String stored, CalendarEvent event, Instant now, boolean issueFacts) {
        try {
            return mergePlain(stored, event, now, issueFacts);
        } catch (RuntimeException e) {
            return Optional.empty(); // whatever puzzles this reading, ical4j judges
        }
    }

    private static Optional<String> mergePlain(String stored, CalendarEvent event, Instant now, boolean issueFacts) {
        Seen seen = new Seen();
        int depth = 0;
        StringBuilder line = new StringBuilder(128);
        for (int i = 0; i < stored.length(); ) {
            line.setLength(0);
            i = IcsEventReader.nextLogicalLine(stored, i, line);
            if (line.length() == 0) {
                continue;
            }
            String text = line.toString();
            int nameEnd = IcsEventReader.nameEnd(text);
            String name = text.substring(0, nameEnd).toUpperCase(Locale.ROOT);
            // the value of a line without parameters; null when the line has parameters (or no value)
            String value = nameEnd < text.length() && text.charAt(nameEnd) == ':' ? text.substring(nameEnd + 1) : null;
            if (name.equals("BEGIN")) {
                depth++;
                if (!seen.begin(depth, value)) {
                    return Optional.empty();
                }
            } else if (name.equals("END")) {
                if (!seen.end(depth, value)) {
                    return Optional.empty();
                }
                depth--;
            } else if (depth == 1 ? !seen.calendarProperty(name, value)
                    : depth != 2 || !seen.eventProperty(name, value, event.uid(), issueFacts)) {
                return Optional.empty();
            }
        }
        if (depth != 0 || !seen.complete()) {
            return Optional.empty();
        }
        return Optional.of(IcsWriter.calendarObject(event,
                new EventStamp(now, seen.created, Optional.of(now), OptionalInt.of(seen.sequence + 1)), issueFacts));
    }

    /** What the stored object held, as far as a plain object may hold it. */
    private static final class Seen {
        private int calendars;
        private int events;
        private int uids;
        private boolean uidMatches;
        private int sequences;
        private int sequence;
        private int createds;
        private Optional<Instant> created = Optional.empty();
        private int transps;

        boolean begin(int depth, String component) {
            if (depth == 1 && "VCALENDAR".equalsIgnoreCase(component)) {
                calendars++;
                return calendars == 1;
            }
            if (depth == 2 && "VEVENT".equalsIgnoreCase(component)) {
                events++;
                return events == 1;
            }
            return false;
        }

        boolean end(int depth, String component) {
            return depth == 1 && "VCALENDAR".equalsIgnoreCase(component)
                    || depth == 2 && "VEVENT".equalsIgnoreCase(component);
        }

        boolean calendarProperty(String name, String value) {
            switch (name) {
                case "PRODID":
                    return true; // replaced by this product's
                case "VERSION":
                    return "2.0".equals(value);
                case "CALSCALE":
                    return "GREGORIAN".equals(value);
                default:
                    return false;
            }
        }

        boolean eventProperty(String name, String value, String uid, boolean issueFacts) {
            switch (name) {
                case "UID":
                    uids++;
                    uidMatches = uid.equals(value);
                    return true;
                case "SEQUENCE":
                    sequences++;
                    sequence = sequenceOf(value);
                    return value != null; // parameters on a SEQUENCE: ical4j judges
                case "CREATED":
                    createds++;
                    created = dateTime(value);
                    return created.isPresent();
                case "TRANSP":
                    transps++;
                    return "TRANSPARENT".equals(value);
                default:
                    return ICalEventCodec.isReplaced(name, issueFacts);
            }
        }

        boolean complete() {
            return calendars == 1 && events == 1 && uids == 1 && uidMatches && sequences <= 1 && createds <= 1
                    && transps == 1;
        }

        /** As ical4j's merge reads it: the number, or 0 when the value is not one (or absent). */
        private static int sequenceOf(String value) {
            if (value == null) {
                return 0;
            }
            try {
                return Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        /** A UTC date-time in the form this product writes ({@code 20261127T120000Z}). */
        private static Optional<Instant> dateTime(String value) {
            if (value == null || value.length() != DATE_TIME_LENGTH || value.charAt(8) != 'T'
                    || value.charAt(15) != 'Z') {
                return Optional.empty();
            }
            for (int k = 0; k < DATE_TIME_LENGTH - 1; k++) {
                if (k != 8 && (value.charAt(k) < '0' || value.charAt(k) > '9')) {
                    return Optional.empty();
                }
            }
            try {
                return Optional.of(LocalDateTime.of(Integer.parseInt(value, 0, 4, 10),
                        Integer.parseInt(value, 4, 6, 10), Integer.parseInt(value, 6, 8, 10),
                        Integer.parseInt(value, 9, 11, 10), Integer.parseInt(value, 11, 13, 10),
                        Integer.parseInt(value, 13, 15, 10)).toInstant(ZoneOffset.UTC));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
    }
}
