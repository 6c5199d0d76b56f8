package io.calplanebot.core.port.out;

import java.util.Objects;

/** The calendar store failed. The message names the server and user where that helps, never the password. */
public class CalendarStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure this is. */
    public enum Reason {
        /** Network error, timeout, server error after retries, or an open circuit breaker. */
        UNREACHABLE,
        /** The credentials were rejected. */
        AUTHENTICATION,
        /** Authenticated but not allowed (for example no write access). */
        FORBIDDEN,
        /** The event changed since the version we hold. */
        VERSION_CONFLICT,
        /** The event or calendar does not exist. */
        NOT_FOUND,
        /** An event already exists where we meant to create one. */
        ALREADY_EXISTS,
        /** The server refused the request or answered something we cannot read. */
        PROTOCOL
    }

    private final Reason reason;

    public CalendarStoreException(Reason reason, String message) {
        this(reason, message, null);
    }

    public CalendarStoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
