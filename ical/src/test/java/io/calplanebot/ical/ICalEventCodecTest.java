package io.calplanebot.ical;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.EventStatus;
import io.calplanebot.core.testing.Events;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ICalEventCodecTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00.123Z"), ZoneOffset.UTC);
    private final ICalEventCodec codec = new ICalEventCodec(CLOCK);

    private static CalendarEvent sample() {
        return Events.anEvent().withUid("plane-issue-42@calplanebot").withSummary("[42] Fix, then; ship \\ it")
                .withDescription("Line one\nLine two, with: punctuation; here").on(LocalDate.of(2026, 12, 31))
                .withCategories("bug", "back,end").withColor("red").withStatus(EventStatus.CANCELLED).build();
    }

    @Test
    void encodeNew_writesAnAllDayEvent_withProdIdStampAndSequence() {
        String ics = codec.encodeNew(sample());

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(IcsFolding.unfold(ics)).contains("PRODID:" + ICalEventCodec.PRODUCT_ID, "VERSION:2.0",
                "UID:plane-issue-42@calplanebot", "DTSTAMP:20261127T120000Z", "LAST-MODIFIED:20261127T120000Z",
                "SEQUENCE:0", "DTSTART;VALUE=DATE:20261231", "DTEND;VALUE=DATE:20270101", "STATUS:CANCELLED",
                "COLOR:red", "URL:https://plane.example.com/acme/browse/MOB-1/");
        assertThat(ics).doesNotContain("ATTENDEE", "ORGANIZER");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n");
    }

    @Test
    void encodeNew_escapesText_andDecodeReadsItBack() {
        String ics = codec.encodeNew(sample());

        assertThat(IcsFolding.unfold(ics)).contains("SUMMARY:[42] Fix\\, then\\; ship \\\\ it",
                "DESCRIPTION:Line one\\nLine two\\, with: punctuation\\; here", "CATEGORIES:back\\,end,bug");
        CalendarEvent decoded = codec.decode(ics);
        assertThat(decoded.sameManagedContent(sample())).as("decoded %s", decoded).isTrue();
        assertThat(decoded.summary()).isEqualTo("[42] Fix, then; ship \\ it");
    }

    @Test
    void encodeNew_foldsLongUnicodeLinesAt75Octets() {
        CalendarEvent event = Events.anEvent().withSummary("[1] " + "🚀 日本語 Ünïcödé ".repeat(20)).build();

        String ics = codec.encodeNew(event);

        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(codec.decode(ics).summary()).isEqualTo(event.summary().strip());
    }

    @Test
    void encodeNew_percentEncodes_whatAUriCannotHold() {
        CalendarEvent event = Events.anEvent().withUrl("https://plane.example.com/ws/browse/MOB-1/?q=a b&x=ü").build();

        assertThat(IcsFolding.unfold(codec.encodeNew(event)))
                .contains("URL:https://plane.example.com/ws/browse/MOB-1/?q=a%20b&x=%C3%BC");
    }

    @Test
    void decode_mergesCategoriesSpreadOverSeveralProperties_asCyrusStoresThem() {
        String cyrus = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\nBEGIN:VEVENT\nUID:plane-issue-1@calplanebot\n"
                + "DTSTAMP:20261127T120000Z\nSUMMARY:[1] Ship\nDTSTART;VALUE=DATE:20261224\nDTEND;VALUE=DATE:20261225\n"
                + "CATEGORIES:bug\nCATEGORIES:backend,ui\nCATEGORIES:bug\nEND:VEVENT\nEND:VCALENDAR\n";

        CalendarEvent decoded = codec.decode(cyrus);

        assertThat(decoded.categories()).containsExactly("bug", "backend", "ui");
        assertThat(decoded.color()).isEmpty();
        assertThat(decoded.description()).isEmpty();
        assertThat(decoded.status()).isEqualTo(EventStatus.CONFIRMED);
    }

    @Test
    void decode_readsTimedEventsOfOtherClients_byTheirDate() {
        String timed = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:meeting@example.com\r\n"
                + "DTSTAMP:20261127T120000Z\r\nDTSTART;TZID=Europe/Berlin:20261201T100000\r\n"
                + "DTEND;TZID=Europe/Berlin:20261201T110000\r\nSUMMARY:Meeting\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

        CalendarEvent decoded = codec.decode(timed);

        assertThat(decoded.start()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(decoded.end()).isEqualTo(LocalDate.of(2026, 12, 2));
    }

    @Test
    void merge_keepsAlarmsAndXProperties_replacesManagedOnes_andDropsAttendees() {
        String stored = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Phone//EN\r\nBEGIN:VEVENT\r\n"
                + "UID:plane-issue-42@calplanebot\r\nDTSTAMP:20250101T000000Z\r\nSEQUENCE:3\r\nSUMMARY:old title\r\n"
                + "DTSTART;VALUE=DATE:20250101\r\nDTEND;VALUE=DATE:20250102\r\nCATEGORIES:old\r\nCATEGORIES:older\r\n"
                + "COLOR:green\r\nX-CLIENT-NOTE;X-SOURCE=phone:keep me\r\n"
                + "ATTENDEE;CN=Someone:mailto:someone@example.com\r\nORGANIZER:mailto:boss@example.com\r\n"
                + "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Reminder\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\n"
                + "END:VEVENT\r\nEND:VCALENDAR\r\n";

        String merged = IcsFolding.unfold(codec.merge(stored, sample()));

        assertThat(merged).contains("BEGIN:VALARM", "TRIGGER:-PT15M", "END:VALARM", "X-CLIENT-NOTE;X-SOURCE=phone:keep me",
                "SEQUENCE:4", "DTSTAMP:20261127T120000Z", "LAST-MODIFIED:20261127T120000Z",
                "SUMMARY:[42] Fix\\, then\\; ship \\\\ it", "DTSTART;VALUE=DATE:20261231", "COLOR:red",
                "PRODID:" + ICalEventCodec.PRODUCT_ID);
        assertThat(merged).doesNotContain("old title", "CATEGORIES:old", "COLOR:green", "ATTENDEE", "ORGANIZER",
                "-//Phone//EN", "SEQUENCE:3");
        assertThat(merged.split("CATEGORIES:", -1)).hasSize(2);
        assertThat(codec.decode(merged).sameManagedContent(sample())).isTrue();
    }

    @Test
    void merge_refusesAnObjectThatHoldsAnotherEvent() {
        String other = codec.encodeNew(Events.anEvent().withUid("someone-else@example.com").build());

        assertThatThrownBy(() -> codec.merge(other, sample()))
                .isInstanceOf(IcsFormatException.class).hasMessageContaining("someone-else@example.com");
    }

    @Test
    void decode_failsClearly_onDataThatIsNotICalendar() {
        assertThatThrownBy(() -> codec.decode("this is not icalendar"))
                .isInstanceOf(IcsFormatException.class).hasMessageContaining("not a readable iCalendar object");
    }

    @Test
    void decode_ofNewlyEncodedEvent_withoutOptionalProperties_givesEmptyValues() {
        CalendarEvent bare = new CalendarEvent("plane-issue-7@calplanebot", "[7] Bare", "", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 2), EventStatus.CONFIRMED, java.util.List.of(), Optional.empty(), "");

        CalendarEvent decoded = codec.decode(codec.encodeNew(bare));

        assertThat(decoded).isEqualTo(bare);
    }
}
