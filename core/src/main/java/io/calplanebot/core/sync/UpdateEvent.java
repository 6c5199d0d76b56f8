package io.calplanebot.core.sync;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.core.port.in.ActionKind;

import java.util.Objects;

/** Rewrite the managed properties of an existing event, if it is still at the version we read. */
public record UpdateEvent(StoredEvent current, CalendarEvent desired) implements SyncAction {
    public UpdateEvent {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(desired, "desired");
    }

    @Override
    public String uid() {
        return desired.uid();
    }

    @Override
    public String summary() {
        return desired.summary();
    }

    @Override
    public ActionKind kind() {
        return ActionKind.UPDATE;
    }
}
