package io.calplanebot.adapter.http.error;

/**
 * A copy of an exception chain that keeps the classes and stack frames and drops every message, so that an
 * unexpected failure can be logged without risking a secret some library put in a message.
 */
final class MessageFreeThrowable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final int MAX_CAUSES = 10;

    private MessageFreeThrowable(Throwable original, Throwable cause) {
        super(original.getClass().getName() + " (message withheld)", cause, false, true);
        setStackTrace(original.getStackTrace());
    }

    static Throwable of(Throwable original) {
        return copy(original, 0);
    }

    private static Throwable copy(Throwable original, int depth) {
        Throwable cause = original.getCause();
        Throwable copiedCause = cause == null || cause == original || depth >= MAX_CAUSES ? null : copy(cause, depth + 1);
        return new MessageFreeThrowable(original, copiedCause);
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
