package io.calplanebot.app.config;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A secret value that prints as {@code ****} everywhere; only {@link #reveal()} gives the value. */
public final class Secret {
    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public String reveal() {
        return value;
    }

    /** The masked form shown in logs and diagnostics: {@code ****} plus the length. */
    public String masked() {
        return "**** (" + value.length() + " chars)";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "****";
    }
}
