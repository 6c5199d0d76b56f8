package io.calplanebot.core.port.out;

/** The event (or its calendar) is not there. */
public class EventNotFoundException extends CalendarStoreException {
    private static final long serialVersionUID = 1L;

    public EventNotFoundException(String message) {
        super(Reason.NOT_FOUND, message);
    }
}
