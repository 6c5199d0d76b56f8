package io.calplanebot.core.domain.webhook;

import java.util.Objects;

/** A verified delivery about something we do not mirror (cycles, modules, comments, …). */
public record IgnoredEvent(String event, String action) implements WebhookNotification {
    /** The most characters of an event or action name kept: what answers and logs repeat of a delivery ignored. */
    public static final int MAX_NAME = 64;

    public IgnoredEvent {
        event = shortened(Objects.requireNonNull(event, "event"));
        action = shortened(Objects.requireNonNull(action, "action"));
    }

    private static String shortened(String name) {
        if (name.length() <= MAX_NAME) {
            return name;
        }
        int end = MAX_NAME - 1;
        if (Character.isHighSurrogate(name.charAt(end - 1))) {
            end--;
        }
        return name.substring(0, end) + "\u2026";
    }
}
