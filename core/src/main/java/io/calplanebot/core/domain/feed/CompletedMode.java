package io.calplanebot.core.domain.feed;

import java.util.Locale;

/** How a feed shows issues whose work is over (state group completed or cancelled). */
public enum CompletedMode {
    /** Left out of the feed. */
    HIDE,
    /** Shown with {@code STATUS:CANCELLED}, as the CalDAV events are (the default). */
    CANCELLED,
    /** Shown as ordinary {@code CONFIRMED} events: Google Calendar and Outlook hide CANCELLED events. */
    SHOW;

    /** Parses {@code hide}, {@code cancelled} or {@code show} (any case). */
    public static CompletedMode fromWire(String value) {
        String wanted = value.strip().toUpperCase(Locale.ROOT);
        for (CompletedMode mode : values()) {
            if (mode.name().equals(wanted)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("completed mode is one of hide, cancelled, show; got '" + value + "'");
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
