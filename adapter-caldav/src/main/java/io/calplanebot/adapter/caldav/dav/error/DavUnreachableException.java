package io.calplanebot.adapter.caldav.dav.error;

import java.net.URI;

/** The server could not be reached or kept failing (I/O error, timeout, 5xx after retries, open circuit). */
public class DavUnreachableException extends DavException {
    private static final long serialVersionUID = 1L;

    public DavUnreachableException(String method, URI href, String message, Throwable cause) {
        super(method, href, message, cause);
    }
}
