package io.calplanebot.ical;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.EventStatus;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the managed properties of a plain one-event iCalendar object without ical4j, about a hundred times faster:
 * what the built-in store needs to list thousands of its own files. It reads exactly what
 * {@link ICalEventCodec#decode} reads, the same way; for anything it does not handle (several VEVENTs, a
 * RECURRENCE-ID, a missing UID or DTSTART, a backslash where no escape belongs) it answers empty, and the caller
 * asks ical4j ({@link ICalEventCodec#decodeQuickly} does both).
 */
final class IcsEventReader {
    private IcsEventReader() {
    }

    /** The event, or empty when this data needs the full parser. */
    static Optional<CalendarEvent> read(String ics, boolean issueFacts) {
        try {
            return readPlain(ics, issueFacts);
        } catch (RuntimeException e) {
            return Optional.empty(); // whatever puzzles this reader, ical4j judges
        }
    }

    private static Optional<CalendarEvent> readPlain(String ics, boolean issueFacts) {
        Found found = new Found();
        int depth = 0;
        boolean inEvent = false;
        int events = 0;
        StringBuilder line = new StringBuilder(128);
        int i = 0;
        int length = ics.length();
        while (i < length) {
            line.setLength(0);
            i = nextLogicalLine(ics, i, line);
            if (line.length() == 0) {
                continue;
            }
            String text = line.toString();
            if (text.regionMatches(true, 0, "BEGIN:", 0, 6)) {
                depth++;
                if (depth == 1 && !text.substring(6).strip().equalsIgnoreCase("VCALENDAR")) {
                    return Optional.empty();
                }
                if (depth == 2 && text.substring(6).strip().equalsIgnoreCase("VEVENT")) {
                    inEvent = true;
                    events++;
                }
            } else if (text.regionMatches(true, 0, "END:", 0, 4)) {
                depth--;
                if (depth < 0) {
                    return Optional.empty();
                }
                if (depth == 1) {
                    inEvent = false;
                }
            } else if (inEvent && depth == 2) {
                found.take(text, issueFacts);
            }
        }
        if (events != 1 || depth != 0) {
            return Optional.empty();
        }
        return found.event(issueFacts);
    }

    /** Where a content line's property name ends: at its first {@code ;} or {@code :}, or the line's end. */
    static int nameEnd(String line) {
        int end = 0;
        while (end < line.length() && line.charAt(end) != ';' && line.charAt(end) != ':') {
            end++;
        }
        return end;
    }

    /** Appends the unfolded line starting at {@code from} and returns where the next one starts. */
    static int nextLogicalLine(String ics, int from, StringBuilder line) {
        int i = from;
        int length = ics.length();
        while (i < length) {
            char c = ics.charAt(i);
            if (c == '\r' || c == '\n') {
                int next = c == '\r' && i + 1 < length && ics.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                if (next < length && (ics.charAt(next) == ' ' || ics.charAt(next) == '\t')) {
                    i = next + 1; // a continuation line: drop the break and the one leading blank
                    continue;
                }
                return next;
            }
            line.append(c);
            i++;
        }
        return i;
    }

    /** The properties of the VEVENT, the first of each name, as ical4j's getProperty would give them. */
    private static final class Found {
        private String uid;
        private String summary;
        private String description;
        private String start;
        private String end;
        private String status;
        private String color;
        private String url;
        private boolean recurrence;
        private boolean unsupported;
        private final List<String> categories = new ArrayList<>();
        private final List<ExtraProperty> extras = new ArrayList<>();

        /** Takes one content line of the VEVENT. */
        void take(String line, boolean issueFacts) {
            int nameEnd = nameEnd(line);
            int colon = valueStart(line, nameEnd);
            if (colon < 0) {
                unsupported = true;
                return;
            }
            String name = line.substring(0, nameEnd).toUpperCase(Locale.ROOT);
            String raw = line.substring(colon + 1);
            switch (name) {
                case "UID" -> uid = first(uid, plain(raw));
                case "SUMMARY" -> summary = first(summary, unescape(raw));
                case "DESCRIPTION" -> description = first(description, unescape(raw));
                case "DTSTART" -> start = first(start, raw.strip());
                case "DTEND" -> end = first(end, raw.strip());
                case "STATUS" -> status = first(status, plain(raw));
                case "COLOR" -> color = first(color, plain(raw));
                case "URL" -> url = first(url, plain(raw));
                case "RECURRENCE-ID" -> recurrence = true;
                case "CATEGORIES" -> splitCategories(raw);
                default -> {
                    if (issueFacts && name.startsWith(IssueFactsProperties.PREFIX) && ExtraProperty.isName(name)) {
                        extras.add(new ExtraProperty(name, parameters(line, nameEnd, colon), unescape(raw)));
                    }
                }
            }
        }

        Optional<CalendarEvent> event(boolean issueFacts) {
            if (unsupported || recurrence || uid == null || uid.isBlank() || start == null) {
                return Optional.empty();
            }
            Optional<LocalDate> first = date(start);
            Optional<LocalDate> last = end == null ? Optional.empty() : date(end);
            if (first.isEmpty() || end != null && last.isEmpty()) {
                return Optional.empty(); // an odd date: ical4j's reading decides
            }
            LocalDate day = first.get();
            LocalDate exclusiveEnd = last.filter(e -> e.isAfter(day)).orElse(day.plusDays(1));
            Set<String> distinct = new LinkedHashSet<>(categories);
            distinct.removeIf(String::isBlank);
            CalendarEvent event = new CalendarEvent(uid, orEmpty(summary), orEmpty(description), day, exclusiveEnd,
                    "CANCELLED".equalsIgnoreCase(status) ? EventStatus.CANCELLED : EventStatus.CONFIRMED,
                    new ArrayList<>(distinct), Optional.ofNullable(color).filter(c -> !c.isBlank()), orEmpty(url));
            return Optional.of(issueFacts ? IssueFactsProperties.attach(event, extras) : event);
        }

        private void splitCategories(String raw) {
            StringBuilder item = new StringBuilder();
            for (int k = 0; k < raw.length(); k++) {
                char c = raw.charAt(k);
                if (c == '\\' && k + 1 < raw.length()) {
                    item.append(c).append(raw.charAt(++k));
                } else if (c == ',') {
                    categories.add(unescape(item.toString()));
                    item.setLength(0);
                } else {
                    item.append(c);
                }
            }
            categories.add(unescape(item.toString()));
        }

        private static String first(String current, String value) {
            return current != null ? current : value;
        }

        private static String orEmpty(String value) {
            return value == null ? "" : value;
        }

        /** A value that is never escaped; a backslash in it marks data for the full parser. */
        private String plain(String raw) {
            if (raw.indexOf('\\') >= 0) {
                unsupported = true;
            }
            return raw.stripTrailing();
        }

        /** Where the value starts (the index of the ':'), skipping quoted parameter values; -1 if none. */
        private static int valueStart(String line, int from) {
            boolean quoted = false;
            for (int k = from; k < line.length(); k++) {
                char c = line.charAt(k);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == ':' && !quoted) {
                    return k;
                }
            }
            return -1;
        }

        private static List<ExtraProperty.Parameter> parameters(String line, int nameEnd, int colon) {
            List<ExtraProperty.Parameter> parameters = new ArrayList<>(2);
            int k = nameEnd;
            while (k < colon && line.charAt(k) == ';') {
                int equals = line.indexOf('=', k);
                if (equals < 0 || equals > colon) {
                    break;
                }
                String name = line.substring(k + 1, equals).toUpperCase(Locale.ROOT);
                int valueEnd;
                String value;
                if (equals + 1 < colon && line.charAt(equals + 1) == '"') {
                    valueEnd = line.indexOf('"', equals + 2);
                    value = line.substring(equals + 2, valueEnd);
                    valueEnd++;
                } else {
                    valueEnd = equals + 1;
                    while (valueEnd < colon && line.charAt(valueEnd) != ';') {
                        valueEnd++;
                    }
                    value = line.substring(equals + 1, valueEnd);
                }
                if (ExtraProperty.isName(name)) {
                    parameters.add(new ExtraProperty.Parameter(name, caretDecode(value)));
                }
                k = valueEnd;
            }
            return parameters;
        }

        /** RFC 6868: ^^ is ^, ^' is ", ^n is a line end. */
        private static String caretDecode(String value) {
            if (value.indexOf('^') < 0) {
                return value;
            }
            StringBuilder out = new StringBuilder(value.length());
            for (int k = 0; k < value.length(); k++) {
                char c = value.charAt(k);
                if (c == '^' && k + 1 < value.length()) {
                    char next = value.charAt(k + 1);
                    if (next == '^' || next == '\'' || next == 'n') {
                        out.append(next == '^' ? '^' : next == '\'' ? '"' : '\n');
                        k++;
                        continue;
                    }
                }
                out.append(c);
            }
            return out.toString();
        }

        /** RFC 5545 TEXT: \\ \; \, \n \N; trailing blanks dropped, as ical4j drops them. */
        private static String unescape(String raw) {
            String value = raw.stripTrailing();
            if (value.indexOf('\\') < 0) {
                return value;
            }
            StringBuilder out = new StringBuilder(value.length());
            for (int k = 0; k < value.length(); k++) {
                char c = value.charAt(k);
                if (c == '\\' && k + 1 < value.length()) {
                    char next = value.charAt(++k);
                    out.append(next == 'n' || next == 'N' ? '\n' : next);
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        private static Optional<LocalDate> date(String value) {
            if (value.length() < 8) {
                return Optional.empty();
            }
            for (int k = 0; k < 8; k++) {
                if (value.charAt(k) < '0' || value.charAt(k) > '9') {
                    return Optional.empty();
                }
            }
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(value, 0, 4, 10), Integer.parseInt(value, 4, 6, 10),
                        Integer.parseInt(value, 6, 8, 10)));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
    }
}
