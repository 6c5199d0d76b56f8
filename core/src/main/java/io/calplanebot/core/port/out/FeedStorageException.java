package io.calplanebot.core.port.out;

/** The feed definitions could not be read or written. */
public class FeedStorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FeedStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
