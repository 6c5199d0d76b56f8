package io.calplanebot.core.domain;

import java.util.Objects;

/**
 * An event as a calendar store holds it: where it is, its current version, and its managed properties as
 * read back from the store.
 */
public record StoredEvent(EventIdentity identity, EventVersion version, CalendarEvent event) {
    public StoredEvent {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(event, "event");
    }

    public String uid() {
        return event.uid();
    }

    public boolean isOwned() {
        return EventIdentity.isOwnedUid(event.uid());
    }
}
