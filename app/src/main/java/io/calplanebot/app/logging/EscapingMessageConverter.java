package io.calplanebot.app.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %msg} of the text format with its arguments filled in and control characters escaped ({@link LogEscaping}). */
public final class EscapingMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return LogEscaping.escaped(super.convert(event));
    }
}
