package io.calplanebot.adapter.http.support;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampsTest {

    @Test
    void iso_isUtcWithZ_truncatedToSeconds() {
        assertThat(Timestamps.iso(Instant.parse("2025-12-27T10:30:00.999Z"))).isEqualTo("2025-12-27T10:30:00Z");
        assertThat(Timestamps.iso(Instant.parse("2025-12-27T10:30:00Z"))).isEqualTo("2025-12-27T10:30:00Z");
    }

    @Test
    void uptime_isHoursMinutesSeconds_withDaysWhenLonger() {
        assertThat(Timestamps.uptime(Duration.ofSeconds(8130))).isEqualTo("2h 15m 30s");
        assertThat(Timestamps.uptime(Duration.ZERO)).isEqualTo("0h 0m 0s");
        assertThat(Timestamps.uptime(Duration.ofDays(3).plusHours(1).plusSeconds(2))).isEqualTo("3d 1h 0m 2s");
        assertThat(Timestamps.uptime(Duration.ofSeconds(-5))).isEqualTo("0h 0m 0s");
    }
}
