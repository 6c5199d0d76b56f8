package io.calplanebot.adapter.http.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestObserverTest {

    @Test
    void printable_dropsControlCharacters_andCapsLength() {
        assertThat(RequestObserver.printable("/a\r\nFAKE LOG LINE")).isEqualTo("/a??FAKE LOG LINE");
        assertThat(RequestObserver.printable("/" + "x".repeat(500))).hasSize(201);
    }
}
