package io.calplanebot.core.port.out;

/** A conditional write failed because the event changed since the version we hold (HTTP 412). */
public class StaleVersionException extends CalendarStoreException {
    private static final long serialVersionUID = 1L;

    public StaleVersionException(String message) {
        super(Reason.VERSION_CONFLICT, message);
    }
}
