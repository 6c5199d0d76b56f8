package io.calplanebot.adapter.http.error;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class MessageFreeThrowableTest {

    @Test
    void copy_keepsClassesAndFrames_ofTheWholeChain_butNoMessage() {
        Exception original = new IllegalStateException("password=top",
                new java.io.IOException("token=inner"));

        Throwable copy = MessageFreeThrowable.of(original);
        StringWriter printed = new StringWriter();
        copy.printStackTrace(new PrintWriter(printed));

        assertThat(printed.toString()).contains("java.lang.IllegalStateException (message withheld)")
                .contains("java.io.IOException (message withheld)")
                .contains("MessageFreeThrowableTest")
                .doesNotContain("password=top").doesNotContain("token=inner");
    }
}
