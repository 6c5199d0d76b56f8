package io.calplanebot.core.domain;

/** Names one calendar inside a calendar store; opaque to core (a collection URL for CalDAV). */
public record CalendarId(String value) {
    public CalendarId {
        Text.requireNonBlank(value, "calendar id");
    }

    @Override
    public String toString() {
        return value;
    }
}
