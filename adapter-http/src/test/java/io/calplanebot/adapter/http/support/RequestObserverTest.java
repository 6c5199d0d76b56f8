package io.calplanebot.adapter.http.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestObserverTest {

    @Test
    void printable_dropsControlCharacters_andCapsLength() {
        assertThat(RequestObserver.printable("/a\r\nFAKE LOG LINE")).isEqualTo("/a??FAKE LOG LINE");
        assertThat(RequestObserver.printable("/" + "x".repeat(500))).hasSize(201);
    }

    @Test
    void printable_dropsC1ControlsAndUnicodeLineSeparators_too() {
        assertThat(RequestObserver.printable("/a\u0085INFO fake\u2028b\u2029c\u009bd\u007f"))
                .isEqualTo("/a?INFO fake?b?c?d?");
    }

    @Test
    void printable_masksFeedTokens_howeverThePathIsWritten() {
        assertThat(RequestObserver.printable("/feeds/s3cr3t-T0ken_abc.ics")).isEqualTo("/feeds/[token].ics");
        assertThat(RequestObserver.printable("/feeds/s3cr3t")).isEqualTo("/feeds/[token]");
        assertThat(RequestObserver.printable("//FEEDS//s3cr3t.ics/x")).isEqualTo("//FEEDS//[token].ics/x");
        assertThat(RequestObserver.printable("/feeds/public/MOB.ics")).isEqualTo("/feeds/public/MOB.ics");
        assertThat(RequestObserver.printable("/feeds/publicity.ics")).isEqualTo("/feeds/[token].ics");
        assertThat(RequestObserver.printable("/health")).isEqualTo("/health");
    }
}
