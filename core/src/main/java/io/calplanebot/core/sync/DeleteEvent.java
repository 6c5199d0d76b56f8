package io.calplanebot.core.sync;

import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.core.port.in.ActionKind;

import java.util.Objects;

/** Delete an owned event, if it is still at the version we read. */
public record DeleteEvent(StoredEvent current, DeleteReason reason) implements SyncAction {
    public DeleteEvent {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(reason, "reason");
        if (!current.isOwned()) {
            throw new IllegalArgumentException("refusing to plan the deletion of a foreign event: " + current.uid());
        }
    }

    @Override
    public String uid() {
        return current.uid();
    }

    @Override
    public String summary() {
        return current.event().summary();
    }

    @Override
    public ActionKind kind() {
        return ActionKind.DELETE;
    }
}
