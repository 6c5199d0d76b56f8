package io.calplanebot.support.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ResilienceSetupTest {

    @Test
    void exponentialBackoff_doublesAndIsCapped() {
        assertThat(ResilienceSetup.exponentialBackoff(Duration.ofSeconds(1), 1, Duration.ofSeconds(30)))
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(ResilienceSetup.exponentialBackoff(Duration.ofSeconds(1), 3, Duration.ofSeconds(30)))
                .isEqualTo(Duration.ofSeconds(4));
        assertThat(ResilienceSetup.exponentialBackoff(Duration.ofSeconds(1), 10, Duration.ofSeconds(30)))
                .isEqualTo(Duration.ofSeconds(30));
    }
}
