package io.calplanebot.core.port.in;

import io.calplanebot.core.domain.CalendarEvent;

import java.util.function.Consumer;

/** A feed's events, read from the store one at a time when asked (each call reads them afresh). */
@FunctionalInterface
public interface FeedEvents {

    void forEach(Consumer<CalendarEvent> sink);
}
