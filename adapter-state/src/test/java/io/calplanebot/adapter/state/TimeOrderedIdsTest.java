package io.calplanebot.adapter.state;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdsTest {

    @Test
    void anIdMadeLater_sortsAfter_asTextAsTheDatabaseComparesIt() {
        long start = 1_780_000_000_000L;
        String earlier = TimeOrderedIds.next(start);
        for (long later : new long[] {start + 1, start + 255, start + 256, start + 65_536, start + 86_400_000L}) {
            assertThat(TimeOrderedIds.next(later)).as("made at +%d ms", later - start).isGreaterThan(earlier);
        }
    }

    @Test
    void idsMadeInTheSameMillisecond_areAllDifferent_validVersion7Uuids() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = TimeOrderedIds.next(1_780_000_000_000L);
            UUID parsed = UUID.fromString(id);
            assertThat(parsed.version()).isEqualTo(7);
            assertThat(parsed.variant()).isEqualTo(2);
            assertThat(parsed.toString()).isEqualTo(id);
            ids.add(id);
        }
        assertThat(ids).hasSize(100_000);
    }

    @Test
    void theTimeIsInTheFirst48Bits() {
        long now = 1_780_000_123_456L;
        assertThat(UUID.fromString(TimeOrderedIds.next(now)).getMostSignificantBits() >>> 16).isEqualTo(now);
    }
}
