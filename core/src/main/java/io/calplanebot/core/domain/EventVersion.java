package io.calplanebot.core.domain;

/** A calendar server's version token for one event (its ETag), kept exactly as received, quotes included. */
public record EventVersion(String value) {
    public EventVersion {
        Text.requireNonBlank(value, "event version");
    }

    /** A weak ETag ({@code W/"…"}): servers may not accept it in If-Match. */
    public boolean isWeak() {
        return value.startsWith("W/");
    }

    @Override
    public String toString() {
        return value;
    }
}
