package io.calplanebot.app.demo;

/** The demo could not start (its configuration was refused, or the service or the sample server did not start). */
public final class DemoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DemoException(String message, Throwable cause) {
        super(message, cause);
    }
}
