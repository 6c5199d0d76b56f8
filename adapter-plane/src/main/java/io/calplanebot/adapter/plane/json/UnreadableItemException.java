package io.calplanebot.adapter.plane.json;

/** A listed item lacks something the sync needs or has it in an unexpected form; the message names the field. */
public final class UnreadableItemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnreadableItemException(String message) {
        super(message, null, false, false);
    }
}
