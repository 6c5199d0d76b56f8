package io.calplanebot.support.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    @Test
    void seconds_areADuration_andGarbageIsNone() {
        assertThat(RetryAfter.parse(Optional.of(" 7 "))).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse(Optional.of("-3"))).contains(Duration.ZERO);
        assertThat(RetryAfter.parse(Optional.of("soon"))).isEmpty();
        assertThat(RetryAfter.parse(Optional.empty())).isEmpty();
    }

    @Test
    void aPastHttpDate_isNoWait() {
        assertThat(RetryAfter.parse(Optional.of("Wed, 21 Oct 2015 07:28:00 GMT"))).contains(Duration.ZERO);
    }
}
