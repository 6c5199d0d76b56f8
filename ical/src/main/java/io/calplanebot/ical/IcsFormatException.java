package io.calplanebot.ical;

/** iCalendar data that cannot be read, or that does not hold the event it should. */
public class IcsFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IcsFormatException(String message) {
        super(message);
    }

    public IcsFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
