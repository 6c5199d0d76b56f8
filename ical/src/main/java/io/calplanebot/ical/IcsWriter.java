package io.calplanebot.ical;

import io.calplanebot.core.domain.CalendarEvent;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * Streams {@link CalendarEvent}s as an RFC 5545 VCALENDAR without ical4j: for feeds of thousands of events and for
 * the built-in store's writes. Each event gets exactly the properties {@link ICalEventCodec#encodeNew} writes (UID,
 * DTSTAMP, CREATED, LAST-MODIFIED, SEQUENCE as the {@link EventStamp} says, SUMMARY, DESCRIPTION, DTSTART/DTEND as
 * dates, STATUS, CATEGORIES, COLOR, URL, TRANSP), in the same form, so ical4j reads both the same way. CRLF, folded
 * at 75 octets on code-point boundaries, TEXT escaped. Use: {@code beginCalendar}, any number of {@code event},
 * {@code endCalendar} (which flushes). Not thread-safe.
 */
public final class IcsWriter {
    /** The PRODID every calendar this product writes carries. */
    public static final String PRODUCT_ID = ICalEventCodec.PRODUCT_ID;

    private final Writer out;
    private final ContentLines lines;
    private final boolean issueFacts;

    private IcsWriter(Writer out, boolean issueFacts) {
        this.out = Objects.requireNonNull(out, "out");
        this.lines = new ContentLines(out);
        this.issueFacts = issueFacts;
    }

    /**
     * One calendar object as this product stores it: a plain VCALENDAR holding just this event, with the issue facts
     * when {@code issueFacts} (the built-in store) or without (a CalDAV server).
     */
    public static String calendarObject(CalendarEvent event, EventStamp stamp, boolean issueFacts) {
        StringWriter text = new StringWriter(1024);
        IcsWriter writer = new IcsWriter(text, issueFacts);
        try {
            writer.beginCalendar(CalendarHeader.plain());
            writer.event(event, stamp);
            writer.endCalendar();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter failed", e);
        }
        return text.toString();
    }

    /** A writer for subscribers: managed properties only. */
    public static IcsWriter to(Writer out) {
        return new IcsWriter(out, false);
    }

    /** A writer to a byte stream, in UTF-8, buffered; {@link #endCalendar()} flushes it. */
    public static IcsWriter to(OutputStream out) {
        return to(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 8192));
    }

    /** The same writer, but each event also carries its issue facts as X-PLANE- properties (the built-in store). */
    public IcsWriter withIssueFacts() {
        return new IcsWriter(out, true);
    }

    public void beginCalendar(CalendarHeader header) throws IOException {
        lines.line("BEGIN", "VCALENDAR");
        lines.line("VERSION", "2.0");
        lines.textLine("PRODID", PRODUCT_ID);
        lines.line("CALSCALE", "GREGORIAN");
        if (header.publish()) {
            lines.line("METHOD", "PUBLISH");
        }
        if (header.name().isPresent()) {
            lines.textLine("X-WR-CALNAME", header.name().get());
            lines.textLine("NAME", header.name().get());
        }
        if (header.refreshInterval().isPresent()) {
            String duration = CalendarHeader.durationText(header.refreshInterval().get());
            lines.begin("REFRESH-INTERVAL");
            lines.parameter("VALUE", "DURATION");
            lines.colon();
            lines.raw(duration);
            lines.end();
            lines.line("X-PUBLISHED-TTL", duration);
        }
    }

    /** One VEVENT with the event's managed properties and the stamp's bookkeeping. */
    public void event(CalendarEvent event, EventStamp stamp) throws IOException {
        lines.line("BEGIN", "VEVENT");
        lines.textLine("UID", event.uid());
        lines.line("DTSTAMP", dateTime(stamp.stamp()));
        if (stamp.created().isPresent()) {
            lines.line("CREATED", dateTime(stamp.created().get()));
        }
        if (stamp.lastModified().isPresent()) {
            lines.line("LAST-MODIFIED", dateTime(stamp.lastModified().get()));
        }
        if (stamp.sequence().isPresent()) {
            lines.line("SEQUENCE", Integer.toString(stamp.sequence().getAsInt()));
        }
        lines.textLine("SUMMARY", event.summary());
        if (!event.description().isEmpty()) {
            lines.textLine("DESCRIPTION", event.description());
        }
        date("DTSTART", event.start());
        date("DTEND", event.end());
        lines.line("STATUS", event.status().name());
        categories(event);
        Optional<String> color = event.color();
        if (color.isPresent()) {
            lines.textLine("COLOR", color.get());
        }
        if (!event.url().isBlank()) {
            lines.line("URL", UriText.escape(event.url()));
        }
        if (issueFacts) {
            for (ExtraProperty property : IssueFactsProperties.of(event)) {
                extra(property);
            }
        }
        lines.line("TRANSP", "TRANSPARENT");
        lines.line("END", "VEVENT");
    }

    /** Ends the calendar and flushes everything written. */
    public void endCalendar() throws IOException {
        lines.line("END", "VCALENDAR");
        out.flush();
    }

    /** One X- property, its parameters quoted as needed and its value escaped as TEXT. */
    void extra(ExtraProperty property) throws IOException {
        lines.begin(property.name());
        for (ExtraProperty.Parameter parameter : property.parameters()) {
            lines.parameter(parameter.name(), parameter.value());
        }
        lines.colon();
        lines.text(property.value());
        lines.end();
    }

    private void categories(CalendarEvent event) throws IOException {
        boolean first = true;
        for (String category : event.categorySet()) {
            if (first) {
                lines.begin("CATEGORIES");
                lines.colon();
                first = false;
            } else {
                lines.raw(",");
            }
            lines.text(category);
        }
        if (!first) {
            lines.end();
        }
    }

    private void date(String name, LocalDate date) throws IOException {
        lines.begin(name);
        lines.parameter("VALUE", "DATE");
        lines.colon();
        lines.raw(basicDate(date));
        lines.end();
    }

    private static String basicDate(LocalDate date) {
        int year = date.getYear();
        int month = date.getMonthValue();
        int day = date.getDayOfMonth();
        char[] text = new char[8];
        digits(text, 0, year, 4);
        digits(text, 4, month, 2);
        digits(text, 6, day, 2);
        return new String(text);
    }

    private static String dateTime(Instant instant) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        char[] text = new char[16];
        digits(text, 0, time.getYear(), 4);
        digits(text, 4, time.getMonthValue(), 2);
        digits(text, 6, time.getDayOfMonth(), 2);
        text[8] = 'T';
        digits(text, 9, time.getHour(), 2);
        digits(text, 11, time.getMinute(), 2);
        digits(text, 13, time.getSecond(), 2);
        text[15] = 'Z';
        return new String(text);
    }

    private static void digits(char[] into, int at, int value, int width) {
        int rest = value;
        for (int i = at + width - 1; i >= at; i--) {
            into[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
    }
}
