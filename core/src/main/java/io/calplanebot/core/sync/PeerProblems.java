package io.calplanebot.core.sync;

import io.calplanebot.core.port.out.CalendarStoreException;
import io.calplanebot.core.port.out.IssueSourceException;

import java.util.Optional;

/**
 * Which failures make a peer unhealthy: it cannot be reached, it rejects the credentials, or (the issue source)
 * it keeps refusing for rate limits. Any other refusal ("not found", "forbidden") shows that the peer answered.
 */
final class PeerProblems {
    private PeerProblems() {
    }

    static Optional<String> of(IssueSourceException e) {
        switch (e.reason()) {
            case UNREACHABLE:
            case AUTHENTICATION:
            case RATE_LIMITED:
                return Optional.of(words(e));
            default:
                return Optional.empty();
        }
    }

    static Optional<String> of(CalendarStoreException e) {
        switch (e.reason()) {
            case UNREACHABLE:
            case AUTHENTICATION:
                return Optional.of(words(e));
            default:
                return Optional.empty();
        }
    }

    /** What any failure of a probe says: the port's failures by their rule, anything else always a problem. */
    static Optional<String> ofProbe(RuntimeException e) {
        if (e instanceof IssueSourceException) {
            return of((IssueSourceException) e);
        }
        if (e instanceof CalendarStoreException) {
            return of((CalendarStoreException) e);
        }
        return Optional.of(words(e));
    }

    private static String words(RuntimeException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}
