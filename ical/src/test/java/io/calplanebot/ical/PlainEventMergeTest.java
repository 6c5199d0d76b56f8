package io.calplanebot.ical;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.EventStatus;
import io.calplanebot.core.domain.IssueFacts;
import io.calplanebot.core.domain.Person;
import io.calplanebot.core.domain.Priority;
import io.calplanebot.core.domain.StateGroup;
import io.calplanebot.core.testing.Events;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PlainEventMergeTest {
    private static final Instant CREATED = Instant.parse("2026-11-01T08:30:15Z");
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00.123Z");
    private static final ICalEventCodec PLAIN = new ICalEventCodec(Clock.fixed(NOW, ZoneOffset.UTC));
    private static final ICalEventCodec WITH_FACTS = PLAIN.withIssueFacts();
    private static final String UID = "plane-issue-42@calplanebot";
    private static final IssueFacts FACTS = new IssueFacts("proj-1", "MOB", StateGroup.STARTED, Priority.URGENT,
            List.of(new Person("user-1", "jo@example.com", "Doe, \"Jo\"; Ann ^ 🚀"), new Person("user-2", "", "")));

    private static List<CalendarEvent> variety() {
        return List.of(
                Events.anEvent().withUid(UID).withSummary("[42] Fix, then; ship \\ it")
                        .withDescription("Line one\nLine two, with: punctuation; here").on(LocalDate.of(2026, 12, 31))
                        .withCategories("bug", "back,end").withColor("red").withStatus(EventStatus.CANCELLED).build(),
                Events.anEvent().withUid(UID).withSummary("[42] Plain").withDescription("").withUrl("").build(),
                Events.anEvent().withUid(UID).withSummary("[42] Release 🚀 日本語のタイトル — naïve café ".repeat(4).strip())
                        .withDescription("é".repeat(100) + "🚀".repeat(40)).withCategories("ラベル", "🐛 bug")
                        .withUrl("https://plane.example.com/ws/browse/MOB-1/?q=a;b&x=1,2").build(),
                Events.anEvent().withUid(UID).withSummary("[42] Facts").build().withFacts(Optional.of(FACTS)));
    }

    /** An object as the built-in store's writer makes it (with CREATED and SEQUENCE 0). */
    private static String written(CalendarEvent event, boolean facts) {
        StringWriter out = new StringWriter();
        IcsWriter writer = facts ? IcsWriter.to(out).withIssueFacts() : IcsWriter.to(out);
        try {
            writer.beginCalendar(CalendarHeader.plain());
            writer.event(event, EventStamp.newEvent(CREATED));
            writer.endCalendar();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @Test
    void theObjectsThisProductWrites_areMergedWithoutIcal4j_intoWhatIcal4jsMergeMakes() {
        for (boolean facts : List.of(false, true)) {
            ICalEventCodec codec = facts ? WITH_FACTS : PLAIN;
            for (CalendarEvent before : variety()) {
                for (String stored : List.of(written(before, facts), codec.encodeNewParsed(before))) {
                    for (CalendarEvent after : variety()) {
                        Optional<String> quick = PlainEventMerge.merge(stored, after, NOW, facts);

                        assertThat(quick).as("merged without ical4j (facts %s):%n%s", facts, stored).isPresent();
                        assertThat(content(quick.get())).as("the same object as ical4j's merge")
                                .isEqualTo(content(codec.mergeParsed(stored, after)));
                        assertThat(codec.decode(quick.get()).sameManagedContent(after))
                                .as("%s read back as %s", after, codec.decode(quick.get())).isTrue();
                        assertThat(codec.merge(stored, after)).isEqualTo(quick.get());
                    }
                }
            }
        }
    }

    @Test
    void aMergedObject_isPlainAgain_itsSequenceRising_andItsCreationKept() {
        String stored = written(variety().get(0), false);
        for (int round = 1; round <= 3; round++) {
            stored = PlainEventMerge.merge(stored, variety().get(round % 3), NOW, false).orElseThrow();

            assertThat(IcsFolding.unfold(stored)).contains("SEQUENCE:" + round + "\n", "CREATED:20261101T083015Z\n",
                    "DTSTAMP:20261127T120000Z\n", "LAST-MODIFIED:20261127T120000Z\n", "TRANSP:TRANSPARENT\n");
        }
        for (String line : stored.split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
    }

    @Test
    void anythingElse_isLeftToIcal4j() {
        String ours = written(variety().get(0), false);
        List<String> others = new ArrayList<>(List.of(
                ours.replace("END:VEVENT", "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\nEND:VEVENT"),
                ours.replace("TRANSP:TRANSPARENT", "X-CLIENT-NOTE:keep me\r\nTRANSP:TRANSPARENT"),
                ours.replace("TRANSP:TRANSPARENT", "TRANSP:OPAQUE"),
                ours.replace("TRANSP:TRANSPARENT\r\n", ""),
                ours.replace("TRANSP:TRANSPARENT", "TRANSP:TRANSPARENT\r\nRRULE:FREQ=YEARLY"),
                ours.replace("TRANSP:TRANSPARENT", "TRANSP:TRANSPARENT\r\nRECURRENCE-ID;VALUE=DATE:20261231"),
                ours.replace("TRANSP:TRANSPARENT", "TRANSP:TRANSPARENT\r\nX-PLANE-PRIORITY:urgent"),
                ours.replace("CREATED:20261101T083015Z", "CREATED;X-A=b:20261101T083015Z"),
                ours.replace("CREATED:20261101T083015Z", "CREATED:20261101T083015"),
                ours.replace("SEQUENCE:0", "SEQUENCE;X-A=b:0"),
                ours.replace("UID:" + UID, "UID:someone-else@example.com"),
                ours.replace("UID:" + UID, "UID:" + UID + "\r\nUID:" + UID),
                ours.replace("VERSION:2.0", "VERSION:2.0\r\nMETHOD:PUBLISH"),
                ours.replace("CALSCALE:GREGORIAN", "CALSCALE:JAPANESE"),
                ours.replace("END:VCALENDAR", "BEGIN:VTODO\r\nUID:t@example.com\r\nEND:VTODO\r\nEND:VCALENDAR"),
                ours.replace("END:VCALENDAR", "BEGIN:VEVENT\r\nUID:" + UID + "\r\nEND:VEVENT\r\nEND:VCALENDAR"),
                ours + ours,
                ours.replace("END:VCALENDAR\r\n", ""),
                "not icalendar at all"));

        for (String other : others) {
            assertThat(PlainEventMerge.merge(other, variety().get(1), NOW, false)).as("left to ical4j:%n%s", other)
                    .isEmpty();
        }
        String merged = PLAIN.merge(others.get(0), variety().get(1));
        assertThat(merged).contains("TRIGGER:-PT15M");
        assertThat(PLAIN.merge(others.get(2), variety().get(1))).contains("TRANSP:OPAQUE");
    }

    /** Each component's properties as ical4j reads and writes them, in order, leaving out CALSCALE (its default). */
    private static List<String> content(String ics) {
        try {
            Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
            List<String> lines = new ArrayList<>();
            for (Property property : calendar.getProperties()) {
                if (!property.getName().equals(Property.CALSCALE)) {
                    lines.add("VCALENDAR " + property);
                }
            }
            for (Component component : calendar.getComponents()) {
                List<String> properties = new ArrayList<>();
                component.getProperties().forEach(p -> properties.add(component.getName() + " " + p));
                properties.sort(null);
                lines.addAll(properties);
            }
            lines.sort(null);
            return lines;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
