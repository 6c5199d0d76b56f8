package io.calplanebot.core.port.out;

/** The state store could not be read or written; nothing was acknowledged that it did not keep. */
public class StateStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StateStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
