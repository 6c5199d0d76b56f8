package io.calplanebot.core.mapping;

/** An event title format that cannot be used: blank, or naming a placeholder that does not exist. */
public final class InvalidEventTitleFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidEventTitleFormatException(String message) {
        super(message);
    }
}
