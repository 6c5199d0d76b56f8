package io.calplanebot.core.domain;

import java.util.Locale;

/** Plane's issue priorities. */
public enum Priority {
    URGENT, HIGH, MEDIUM, LOW, NONE;

    /** Parses Plane's lower-case wire value, e.g. {@code "urgent"}; Plane never sends null, but null reads as NONE. */
    public static Priority fromWire(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Human label, e.g. {@code "Urgent"}. */
    public String label() {
        String lower = wireName();
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
