package io.calplanebot.adapter.caldav.testing;

/** A test server could not be started: not installed, not allowed, or its start script failed. */
public class ServerUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ServerUnavailableException(String message) {
        super(message);
    }
}
