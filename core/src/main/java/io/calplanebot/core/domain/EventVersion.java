package io.calplanebot.core.domain;

/** A calendar server's version token for one event (its ETag), kept exactly as received, quotes included. */
public record EventVersion(String value) {
    public EventVersion {
        Text.requireNonBlank(value, "event version");
    }

    @Override
    public String toString() {
        return value;
    }
}
