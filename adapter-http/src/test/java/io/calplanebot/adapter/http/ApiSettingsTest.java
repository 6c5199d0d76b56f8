package io.calplanebot.adapter.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiSettingsTest {

    @Test
    void defaults_areTheSpecsLimits_withoutTokenOrProxy() {
        ApiSettings defaults = ApiSettings.defaults();

        assertThat(defaults.webhookLimit()).isEqualTo(new RateLimit(100, Duration.ofMinutes(1)));
        assertThat(defaults.syncLimit()).isEqualTo(new RateLimit(10, Duration.ofHours(1)));
        assertThat(defaults.apiToken()).isEmpty();
        assertThat(defaults.trustProxy()).isFalse();
        assertThat(defaults.feedLimit()).isEqualTo(new RateLimit(60, Duration.ofMinutes(1)));
        assertThat(defaults.untokenedFeeds()).isFalse();
    }

    @Test
    void blankToken_meansNoToken() {
        assertThat(ApiSettings.defaults().withApiToken("  ").apiToken()).isEqualTo(Optional.empty());
    }

    @Test
    void rateLimit_refusesZeroRequestsAndSubSecondWindows() {
        assertThatThrownBy(() -> RateLimit.perMinute(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimit(5, Duration.ofMillis(10))).isInstanceOf(IllegalArgumentException.class);
    }
}
