package io.calplanebot.ical;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.EventStatus;
import io.calplanebot.core.domain.IssueFacts;
import io.calplanebot.core.domain.Person;
import io.calplanebot.core.domain.Priority;
import io.calplanebot.core.domain.StateGroup;
import io.calplanebot.core.testing.Events;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The quick reader reads exactly what the ical4j codec reads, or declines. */
class IcsEventReaderTest {
    private static final Instant NOW = Instant.parse("2026-11-30T18:00:00Z");
    private static final ICalEventCodec CODEC = new ICalEventCodec(Clock.fixed(NOW, ZoneOffset.UTC)).withIssueFacts();
    private static final IssueFacts FACTS = new IssueFacts("proj-1", "MOB", StateGroup.STARTED, Priority.URGENT,
            List.of(new Person("user-1", "jo@example.com", "Doe, \"Jo\"; Ann ^ 🚀"), new Person("user-2", "", "")));

    private static List<CalendarEvent> events() {
        return List.of(
                Events.anEvent().withSummary("[42] Fix, then; ship \\ it").withDescription("Line one\nLine two, with: x; y")
                        .on(LocalDate.of(2026, 12, 31)).withCategories("bug", "back,end").withColor("red")
                        .withStatus(EventStatus.CANCELLED).build(),
                Events.anEvent().withSummary("[7] 🚀 日本語のタイトル עברית — naïve ".repeat(4).strip())
                        .withDescription("Emoji 🎉 " + "é".repeat(120)).withCategories("ラベル", "🐛 bug").build()
                        .withFacts(Optional.of(FACTS)),
                Events.anEvent().withDescription("").withUrl("https://plane.example.com/ws/browse/MOB-1/?q=a b").build(),
                Events.anEvent().withUid("lunch@example.com").withSummary("Lunch").build());
    }

    private static List<String> objects() throws IOException {
        List<String> objects = new ArrayList<>();
        for (CalendarEvent event : events()) {
            StringWriter out = new StringWriter();
            IcsWriter writer = IcsWriter.to(out).withIssueFacts();
            writer.beginCalendar(CalendarHeader.plain());
            writer.event(event, EventStamp.newEvent(NOW));
            writer.endCalendar();
            objects.add(out.toString());
            String encoded = CODEC.encodeNew(event);
            objects.add(encoded);
            String withAlarm = encoded.replace("END:VEVENT", "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Not this"
                    + "\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\nEND:VEVENT");
            objects.add(CODEC.merge(withAlarm, event));
        }
        objects.add("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\nBEGIN:VEVENT\nuid:plane-issue-1@calplanebot\n"
                + "DTSTAMP:20261127T120000Z\nsummary:[1] Ship  \nDTSTART;TZID=Europe/Berlin:20261224T100000\n"
                + "CATEGORIES:bug\nCATEGORIES:backend,ui\nCATEGORIES:bug\nstatus:cancelled\nDESCRIPTION:fol\n\tded\n"
                + " and more\nEND:VEVENT\nEND:VCALENDAR\n");
        objects.add("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x@y\r\nDTSTART;VALUE=DATE:20261224\r\n"
                + "DTEND;VALUE=DATE:20261220\r\nCOLOR: \r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        return objects;
    }

    @Test
    void readsExactlyWhatTheCodecReads() throws IOException {
        for (String ics : objects()) {
            assertThat(IcsEventReader.read(ics, true)).as(ics).contains(CODEC.decode(ics));
            assertThat(CODEC.decodeQuickly(ics)).isEqualTo(CODEC.decode(ics));
        }
    }

    @Test
    void readsNoFacts_unlessAskedTo() throws IOException {
        String ics = objects().get(3);

        assertThat(IcsEventReader.read(ics, false).orElseThrow().facts()).isEmpty();
        assertThat(IcsEventReader.read(ics, true).orElseThrow().facts()).contains(FACTS);
    }

    @Test
    void declines_whatOnlyTheFullParserShouldJudge() {
        String head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n";
        String event = "BEGIN:VEVENT\r\nUID:a@b\r\nDTSTART;VALUE=DATE:20261224\r\nEND:VEVENT\r\n";
        String tail = "END:VCALENDAR\r\n";

        assertThat(IcsEventReader.read(head + event + event + tail, true)).as("two events").isEmpty();
        assertThat(IcsEventReader.read(head + event.replace("END:VEVENT", "RECURRENCE-ID:20261224\r\nEND:VEVENT")
                + tail, true)).as("an occurrence").isEmpty();
        assertThat(IcsEventReader.read(head + event.replace("UID:a@b\r\n", "") + tail, true)).as("no UID").isEmpty();
        assertThat(IcsEventReader.read(head + event.replace("20261224", "2026") + tail, true)).as("bad date").isEmpty();
        assertThat(IcsEventReader.read(head + event.replace("UID:a@b", "UID:a\\,b") + tail, true)).isEmpty();
        assertThat(IcsEventReader.read(head + event, true)).as("unfinished").isEmpty();
        assertThat(IcsEventReader.read("not iCalendar", true)).isEmpty();
        assertThat(IcsEventReader.read("BEGIN:VTODO\r\n" + event + "END:VTODO\r\n", true)).as("not a calendar").isEmpty();
        assertThat(IcsEventReader.read(tail + head + event + tail, true)).as("ends first").isEmpty();
    }
}
