package io.calplanebot.adapter.caldav.dav;

import java.util.Map;
import java.util.Objects;

/**
 * The condition a PUT or DELETE is sent under, so that the precondition is in the type and never a header string
 * at the call site. The ETag is sent exactly as the server gave it (quotes included).
 */
public record Precondition(String header, String value) {
    private static final Precondition NONE = new Precondition("", "");

    public Precondition {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(value, "value");
    }

    /** Only create: {@code If-None-Match: *}, so that the server answers 412 when something is already there. */
    public static Precondition createOnly() {
        return new Precondition("If-None-Match", "*");
    }

    /** Only change the given version: {@code If-Match: <etag>}. */
    public static Precondition ifMatch(String etag) {
        return new Precondition("If-Match", Objects.requireNonNull(etag, "etag"));
    }

    /** No condition (for tools and tests that act like another client). */
    public static Precondition none() {
        return NONE;
    }

    Map<String, String> headers() {
        return header.isEmpty() ? Map.of() : Map.of(header, value);
    }
}
