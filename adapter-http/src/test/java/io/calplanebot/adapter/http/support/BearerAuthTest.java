package io.calplanebot.adapter.http.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BearerAuthTest {

    @Test
    void sameSecret_isExact_includingLengthAndCase() {
        assertThat(BearerAuth.sameSecret("abc", "abc")).isTrue();
        assertThat(BearerAuth.sameSecret("abc", "abcd")).isFalse();
        assertThat(BearerAuth.sameSecret("ABC", "abc")).isFalse();
        assertThat(BearerAuth.sameSecret("", "abc")).isFalse();
    }
}
