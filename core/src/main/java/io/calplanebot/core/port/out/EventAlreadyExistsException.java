package io.calplanebot.core.port.out;

/** A create found an event already in place (HTTP 412 on If-None-Match, or a UID conflict). */
public class EventAlreadyExistsException extends CalendarStoreException {
    private static final long serialVersionUID = 1L;

    public EventAlreadyExistsException(String message) {
        super(Reason.ALREADY_EXISTS, message);
    }
}
