package io.calplanebot.core.sync;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.port.in.ActionKind;

import java.util.Objects;

/** Create the event of an issue that has none yet. */
public record CreateEvent(CalendarEvent event) implements SyncAction {
    public CreateEvent {
        Objects.requireNonNull(event, "event");
    }

    @Override
    public String uid() {
        return event.uid();
    }

    @Override
    public String summary() {
        return event.summary();
    }

    @Override
    public ActionKind kind() {
        return ActionKind.CREATE;
    }
}
