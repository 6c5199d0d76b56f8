package io.calplanebot.ical;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.IssueFacts;
import io.calplanebot.core.domain.Person;
import io.calplanebot.core.domain.Priority;
import io.calplanebot.core.domain.StateGroup;
import io.calplanebot.core.testing.Events;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class IssueFactsPropertiesTest {
    private static final Instant NOW = Instant.parse("2026-11-30T18:00:00Z");
    private static final ICalEventCodec PLAIN = new ICalEventCodec(Clock.fixed(NOW, ZoneOffset.UTC));
    private static final ICalEventCodec WITH_FACTS = PLAIN.withIssueFacts();
    private static final IssueFacts FACTS = new IssueFacts("proj-1", "MOB", StateGroup.STARTED, Priority.URGENT,
            List.of(new Person("user-1", "jo@example.com", "Doe, \"Jo\"; Ann ^ 🚀"), new Person("user-2", "", "")));

    private static CalendarEvent withFacts() {
        return Events.anEvent().forIssue("i-1").withSummary("[1] Facts").build().withFacts(Optional.of(FACTS));
    }

    private static String written(CalendarEvent event) throws IOException {
        StringWriter out = new StringWriter();
        IcsWriter writer = IcsWriter.to(out).withIssueFacts();
        writer.beginCalendar(CalendarHeader.plain());
        writer.event(event, EventStamp.newEvent(NOW));
        writer.endCalendar();
        return out.toString();
    }

    @Test
    void theWritersFacts_areReadBackByTheCodec_assigneesInOrder() throws IOException {
        String ics = written(withFacts());

        assertThat(IcsFolding.unfold(ics)).contains("X-PLANE-PROJECT-ID:proj-1\n", "X-PLANE-PROJECT-IDENTIFIER:MOB\n",
                "X-PLANE-STATE-GROUP:started\n", "X-PLANE-PRIORITY:urgent\n",
                "X-PLANE-ASSIGNEE;EMAIL=jo@example.com;CN=\"Doe, ^'Jo^'; Ann ^^ 🚀\":user-1\n",
                "X-PLANE-ASSIGNEE:user-2\n");
        assertThat(WITH_FACTS.decode(ics).facts()).contains(FACTS);
    }

    @Test
    void theCodecsFacts_roundTripThroughEncodeAndMerge() {
        String created = WITH_FACTS.encodeNew(withFacts());
        assertThat(WITH_FACTS.decode(created).facts()).contains(FACTS);

        IssueFacts later = new IssueFacts("proj-1", "MOB", StateGroup.COMPLETED, Priority.LOW, List.of());
        String merged = WITH_FACTS.merge(created, withFacts().withFacts(Optional.of(later)));

        assertThat(WITH_FACTS.decode(merged).facts()).contains(later);
        assertThat(IcsFolding.unfold(merged)).doesNotContain("X-PLANE-ASSIGNEE", "urgent");
    }

    @Test
    void theWriterAndTheCodec_writeTheSameFactProperties() throws Exception {
        assertThat(lines(written(withFacts()))).isEqualTo(lines(WITH_FACTS.encodeNewParsed(withFacts())));
    }

    @Test
    void thePlainCodecAndWriter_forACalDavServerOrAFeed_writeNoFacts_andReadNone() throws IOException {
        String plain = PLAIN.encodeNew(withFacts());
        StringWriter feed = new StringWriter();
        IcsWriter writer = IcsWriter.to(feed);
        writer.beginCalendar(CalendarHeader.plain());
        writer.event(withFacts(), EventStamp.stampedAt(NOW));
        writer.endCalendar();

        assertThat(plain).doesNotContain("X-PLANE-");
        assertThat(feed.toString()).doesNotContain("X-PLANE-");
        assertThat(PLAIN.decode(written(withFacts())).facts()).isEmpty();
    }

    @Test
    void anEventWithoutReadableFacts_decodesWithNone() {
        String ics = WITH_FACTS.encodeNew(withFacts()).replace("X-PLANE-PRIORITY:urgent", "X-PLANE-PRIORITY:whenever");

        assertThat(WITH_FACTS.decode(ics).facts()).isEmpty();
        assertThat(WITH_FACTS.decode(PLAIN.encodeNew(withFacts())).facts()).isEmpty();
    }

    private static List<String> lines(String ics) throws Exception {
        VEvent event = new CalendarBuilder().build(new StringReader(ics)).<VEvent>getComponents(Component.VEVENT).get(0);
        return event.getProperties().stream().map(Property::toString).sorted().collect(Collectors.toList());
    }
}
