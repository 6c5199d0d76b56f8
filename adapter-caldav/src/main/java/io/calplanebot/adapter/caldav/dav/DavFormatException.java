package io.calplanebot.adapter.caldav.dav;

/** A server answer this client cannot read (not XML, not the expected document). */
public class DavFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DavFormatException(String message) {
        super(message);
    }

    public DavFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
