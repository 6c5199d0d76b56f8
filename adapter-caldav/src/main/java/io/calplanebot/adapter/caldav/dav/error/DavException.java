package io.calplanebot.adapter.caldav.dav.error;

import java.net.URI;
import java.util.Objects;

/** A DAV request failed. Names what was asked: the method and the href. */
public abstract class DavException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String method;
    private final transient URI href;

    DavException(String method, URI href, String message, Throwable cause) {
        super(message, cause);
        this.method = Objects.requireNonNull(method, "method");
        this.href = Objects.requireNonNull(href, "href");
    }

    public String method() {
        return method;
    }

    public URI href() {
        return href;
    }
}
