package io.calplanebot.ical;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class IcsFoldingTest {

    @Test
    void fold_keepsEveryLineWithin75Octets_andNeverSplitsACodePoint() {
        String summary = "SUMMARY:" + "Release 🚀 Ünïcödé – 日本語 👩‍💻 ".repeat(10);

        String folded = IcsFolding.fold(summary + "\r\n");

        for (String line : folded.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
            assertThat(line.codePoints().noneMatch(c -> Character.isSurrogate((char) c))).as(line).isTrue();
        }
        assertThat(IcsFolding.unfold(folded)).isEqualTo(summary + "\n");
    }

    @Test
    void fold_leavesA75OctetLineAlone_andFoldsA76OctetLine() {
        String exact = "X".repeat(75);
        String longer = "X".repeat(76);

        assertThat(IcsFolding.fold(exact)).isEqualTo(exact + "\r\n");
        assertThat(IcsFolding.fold(longer)).isEqualTo("X".repeat(75) + "\r\n X\r\n");
    }

    @Test
    void fold_countsTheContinuationSpace_againstTheLimit() {
        String folded = IcsFolding.fold("Y".repeat(75 + 74 + 10));

        assertThat(folded.split("\r\n")).containsExactly("Y".repeat(75), " " + "Y".repeat(74), " " + "Y".repeat(10));
    }

    @Test
    void fold_writesCrlfOnly_evenFromLfInput() {
        String folded = IcsFolding.fold("BEGIN:VCALENDAR\nVERSION:2.0\n\nEND:VCALENDAR\n");

        assertThat(folded).isEqualTo("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n");
        assertThat(folded.replace("\r\n", "")).doesNotContain("\n", "\r");
    }

    @Test
    void fold_isStable_whenAppliedToFoldedText() {
        String once = IcsFolding.fold("DESCRIPTION:" + "漢字かなカナ".repeat(30));

        assertThat(IcsFolding.fold(once)).isEqualTo(once);
    }
}
