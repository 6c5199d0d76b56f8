package io.calplanebot.adapter.plane.json;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plane's datetimes: the quick reading of the common shape must agree with the general ISO-8601 reading. */
class PlaneDatesTest {
    @Test
    void theShapesPlaneWrites_areRead() {
        assertThat(PlaneDates.dateTime("2025-12-27T10:30:00Z")).isEqualTo(Instant.parse("2025-12-27T10:30:00Z"));
        assertThat(PlaneDates.dateTime("2025-12-27T10:30:00.123456Z"))
                .isEqualTo(Instant.parse("2025-12-27T10:30:00.123456Z"));
        assertThat(PlaneDates.dateTime("2025-12-27T16:00:00.5+05:30")).isEqualTo(Instant.parse("2025-12-27T10:30:00.5Z"));
        assertThat(PlaneDates.dateTime("2025-12-27T05:30:00-05:00")).isEqualTo(Instant.parse("2025-12-27T10:30:00Z"));
        assertThat(PlaneDates.dateTime("2025-12-27T10:30:00")).isEqualTo(Instant.parse("2025-12-27T10:30:00Z"));
    }

    @Test
    void whatIsNotADatetime_isRefusedAsBefore() {
        for (String bad : List.of("2025-02-30T10:30:00Z", "2025-12-27T24:00:00Z", "2025-12-27T10:30:00+19:00",
                "2025-12-27 10:30:00Z", "2025-12-27T10:30:0xZ", "2025-12-27T10:30:00.1234567890Z",
                "yesterday at noon, roughly")) {
            assertThat(PlaneDates.commonDateTime(bad)).as(bad).isNull();
            assertThatThrownBy(() -> PlaneDates.dateTime(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
        }
    }

    @Test
    void dates_areYearMonthDayExactly_andRealDays() {
        assertThat(PlaneDates.date("2025-12-27")).isEqualTo(java.time.LocalDate.of(2025, 12, 27));
        assertThat(PlaneDates.date("2024-02-29")).isEqualTo(java.time.LocalDate.of(2024, 2, 29));
        for (String bad : List.of("2025-02-29", "2025-13-01", "2025-00-10", "2025-12-32", "2025-1-27", "25-12-27",
                "2025/12/27", "2025-12-27T00:00:00Z", "２０２５-12-27", "2025-12-2x", "")) {
            assertThatThrownBy(() -> PlaneDates.date(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
        }
        assertThatThrownBy(() -> PlaneDates.date(null)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void oddShapesTheGeneralReadingTakes_areLeftToIt() {
        for (String odd : List.of("2025-12-27T10:30:00z", "2025-12-27T10:30:00.Z", "2025-12-27T10:30Z")) {
            assertThat(PlaneDates.commonDateTime(odd)).as(odd).isNull();
            assertThat(PlaneDates.dateTime(odd)).as(odd).isEqualTo(Instant.parse("2025-12-27T10:30:00Z"));
        }
    }

    @Test
    void theQuickReading_agreesWithTheGeneralOne_onAnythingNearTheCommonShape() {
        Random random = new Random(20261201L);
        String alphabet = "0123456789-:T.Z+z ";
        int quick = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d", random.nextInt(10_000),
                    random.nextInt(14), random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62)));
            if (random.nextBoolean()) {
                text.append('.').append(Long.toString(Math.abs(random.nextLong())), 0, random.nextInt(11));
            }
            switch (random.nextInt(4)) {
                case 0 -> text.append('Z');
                case 1 -> text.append(String.format("%s%02d:%02d", random.nextBoolean() ? "+" : "-",
                        random.nextInt(20), random.nextInt(61)));
                case 2 -> { }
                default -> text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (random.nextInt(10) == 0) {
                text.setCharAt(random.nextInt(text.length()), alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = text.toString();
            Instant fast = PlaneDates.commonDateTime(candidate);
            Instant general;
            try {
                general = PlaneDates.anyDateTime(candidate);
            } catch (DateTimeParseException e) {
                general = null;
            }
            if (fast != null) {
                quick++;
                assertThat(fast).as(candidate).isEqualTo(general);
            }
        }
        assertThat(quick).as("inputs read the quick way").isGreaterThan(5_000);
    }
}
