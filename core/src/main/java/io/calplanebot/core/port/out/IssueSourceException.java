package io.calplanebot.core.port.out;

import java.util.Objects;

/** The issue source could not answer. The message says what went wrong and what to do; it never holds a secret. */
public class IssueSourceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure this is. */
    public enum Reason {
        /** Network error, timeout or server error after retries. */
        UNREACHABLE,
        /** The credential is missing or was rejected. */
        AUTHENTICATION,
        /** Authenticated, but not allowed to see this (for example not a project member). */
        ACCESS_DENIED,
        /** The workspace or project does not exist. */
        NOT_FOUND,
        /** The source kept refusing for rate limits. */
        RATE_LIMITED,
        /** The source answered something we cannot read. */
        INVALID_RESPONSE
    }

    private final Reason reason;

    public IssueSourceException(Reason reason, String message) {
        this(reason, message, null);
    }

    public IssueSourceException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
