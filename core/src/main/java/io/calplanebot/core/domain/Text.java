package io.calplanebot.core.domain;

import java.util.Objects;

/** Small argument checks shared by the domain records. */
public final class Text {
    private Text() {
    }

    public static String requireNonBlank(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }
}
