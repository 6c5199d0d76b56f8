package io.calplanebot.ical;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.EventStatus;
import io.calplanebot.core.testing.Events;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IcsWriterTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00.123Z");
    private static final ICalEventCodec CODEC = new ICalEventCodec(Clock.fixed(NOW, ZoneOffset.UTC));

    private static CalendarEvent punctuated() {
        return Events.anEvent().withUid("plane-issue-42@calplanebot").withSummary("[42] Fix, then; ship \\ it")
                .withDescription("Line one\nLine two, with: punctuation; here\r\nand a CRLF").on(LocalDate.of(2026, 12, 31))
                .withCategories("bug", "back,end").withColor("red").withStatus(EventStatus.CANCELLED).build();
    }

    private static CalendarEvent unicode() {
        return Events.anEvent().withSummary("[7] Release 🚀 日本語のタイトル עברית مرحبا — naïve café 👩‍💻 ".repeat(3).strip())
                .withDescription("Emoji 🎉🎉 and CJK 漢字かなカナ, RTL שלום עולם; " + "é".repeat(100) + "🚀".repeat(40))
                .withCategories("ラベル", "🐛 bug").build();
    }

    private static String write(CalendarHeader header, CalendarEvent... events) {
        StringWriter out = new StringWriter();
        IcsWriter writer = IcsWriter.to(out);
        try {
            writer.beginCalendar(header);
            for (CalendarEvent event : events) {
                writer.event(event, EventStamp.newEvent(NOW));
            }
            writer.endCalendar();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Calendar parse(String ics) {
        try {
            return new CalendarBuilder().build(new StringReader(ics));
        } catch (Exception e) {
            throw new AssertionError("ical4j cannot read:\n" + ics, e);
        }
    }

    @Test
    void whatItWrites_ical4jReadsBackAsTheSameEvent() {
        for (CalendarEvent event : List.of(punctuated(), unicode(), Events.anEvent().withDescription("").build())) {
            CalendarEvent decoded = CODEC.decode(write(CalendarHeader.plain(), event));

            assertThat(decoded.sameManagedContent(event)).as("decoded %s%nwanted %s", decoded, event).isTrue();
        }
    }

    @Test
    void eachEvent_hasExactlyThePropertiesTheCodecWrites() {
        CalendarEvent oddUrl = Events.anEvent().withUrl("https://plane.example.com/ws/browse/MOB-1/?q=a b&x=ü").build();
        for (CalendarEvent event : List.of(punctuated(), unicode(), Events.anEvent().withDescription("").build(), oddUrl)) {
            VEvent written = onlyEvent(parse(write(CalendarHeader.plain(), event)));
            VEvent encoded = onlyEvent(parse(CODEC.encodeNewParsed(event)));

            assertThat(lines(written)).isEqualTo(lines(encoded));
        }
    }

    @Test
    void everyLine_isAtMost75Octets_foldedOnCodePoints_withCrlfOnly() {
        String ics = write(CalendarHeader.feed("Plane: 日本語 🚀 ".repeat(8), Duration.ofHours(1)), unicode(), punctuated());

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n", "\r");
        for (String line : ics.split("\r\n")) {
            byte[] octets = line.getBytes(StandardCharsets.UTF_8);
            assertThat(octets.length).as(line).isLessThanOrEqualTo(75);
            assertThat(new String(octets, StandardCharsets.UTF_8)).as("a code point split in %s", line).isEqualTo(line);
        }
        assertThat(IcsFolding.fold(ics)).as("folded exactly as the codec folds").isEqualTo(ics);
    }

    @Test
    void aFeedHeader_namesTheCalendar_andTellsSubscribersWhenToRefresh() {
        String ics = write(CalendarHeader.feed("Plane: Mobile, App", Duration.ofMinutes(90)), punctuated(), unicode());

        assertThat(ics).contains("PRODID:-//CalPlaneBot//CalPlaneBot//EN\r\n", "VERSION:2.0\r\n",
                "CALSCALE:GREGORIAN\r\n", "METHOD:PUBLISH\r\n", "X-WR-CALNAME:Plane: Mobile\\, App\r\n",
                "NAME:Plane: Mobile\\, App\r\n", "REFRESH-INTERVAL;VALUE=DURATION:PT1H30M\r\n",
                "X-PUBLISHED-TTL:PT1H30M\r\n");
        Calendar calendar = parse(ics);
        assertThat(calendar.getComponents(Component.VEVENT)).hasSize(2);
        assertThat(calendar.getProperty("X-WR-CALNAME").map(Property::getValue)).contains("Plane: Mobile, App");
    }

    @Test
    void aPlainHeader_hasNoMethodNameOrRefresh() {
        String ics = write(CalendarHeader.plain(), punctuated());

        assertThat(ics).doesNotContain("METHOD", "X-WR-CALNAME", "NAME:", "REFRESH-INTERVAL", "X-PUBLISHED-TTL");
    }

    @Test
    void aRefreshInterval_mustBeWholePositiveSeconds() {
        assertThatThrownBy(() -> CalendarHeader.feed("x", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CalendarHeader.feed("x", Duration.ofMillis(1500)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CalendarHeader.durationText(Duration.ofSeconds(86_400 + 61))).isEqualTo("PT24H1M1S");
    }

    @Test
    void aFeedOfTenThousandEvents_streamsAsValidFoldedUtf8() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        IcsWriter writer = IcsWriter.to(bytes);
        writer.beginCalendar(CalendarHeader.feed("Big", Duration.ofHours(1)));
        for (int i = 0; i < 10_000; i++) {
            writer.event(Events.anEvent().forIssue("issue-" + i).withSummary("[" + i + "] Ünïcödé 🚀 " + "x".repeat(i % 90))
                    .withCategories("a", "b").withColor("green").build(), EventStamp.stampedAt(NOW));
        }
        writer.endCalendar();

        String ics = bytes.toString(StandardCharsets.UTF_8);
        assertThat(ics.split("BEGIN:VEVENT\r\n", -1)).hasSize(10_001);
        assertThat(IcsFolding.fold(ics)).isEqualTo(ics);
        assertThat(ics).endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n");
    }

    @Test
    void aFeedOfManyEvents_isReadByIcal4jInOrder() throws IOException {
        StringWriter out = new StringWriter();
        IcsWriter writer = IcsWriter.to(out);
        writer.beginCalendar(CalendarHeader.feed("Many", Duration.ofHours(1)));
        List<String> uids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            CalendarEvent event = Events.anEvent().forIssue("issue-" + i).withSummary("[" + i + "] 日本語 🚀").build();
            uids.add(event.uid());
            writer.event(event, EventStamp.stampedAt(NOW));
        }
        writer.endCalendar();

        List<String> parsed = parse(out.toString()).<VEvent>getComponents(Component.VEVENT).stream()
                .map(v -> v.getProperty(Property.UID).orElseThrow().getValue()).collect(Collectors.toList());
        assertThat(parsed).isEqualTo(uids);
    }

    @Test
    void anExtraProperty_quotesAndCaretEncodesItsParameters() throws IOException {
        StringWriter out = new StringWriter();
        IcsWriter writer = IcsWriter.to(out);
        writer.extra(new ExtraProperty("X-PLANE-ASSIGNEE", List.of(
                new ExtraProperty.Parameter("EMAIL", "jo@example.com"),
                new ExtraProperty.Parameter("CN", "Doe, \"Jo\"; Ann ^ 🚀")), "user-1"));

        assertThat(out.toString())
                .isEqualTo("X-PLANE-ASSIGNEE;EMAIL=jo@example.com;CN=\"Doe, ^'Jo^'; Ann ^^ 🚀\":user-1\r\n");
    }

    @Test
    void anExtraProperty_mustHaveAnXName() {
        assertThatThrownBy(() -> new ExtraProperty("SUMMARY", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExtraProperty("X-A:B", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    private static VEvent onlyEvent(Calendar calendar) {
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static List<String> lines(VEvent event) {
        return event.getProperties().stream().map(Property::toString).sorted().collect(Collectors.toList());
    }
}
