package io.calplanebot.core.domain.webhook;

import java.util.Objects;

/** A verified delivery about something we do not mirror (cycles, modules, comments, …). */
public record IgnoredEvent(String event, String action) implements WebhookNotification {

    public IgnoredEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(action, "action");
    }
}
