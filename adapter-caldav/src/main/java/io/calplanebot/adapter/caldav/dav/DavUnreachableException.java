package io.calplanebot.adapter.caldav.dav;

import java.net.URI;

/** The server could not be reached or kept failing (I/O error, timeout, 5xx after retries, open circuit). */
public class DavUnreachableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient URI url;

    public DavUnreachableException(URI url, String message, Throwable cause) {
        super(message, cause);
        this.url = url;
    }

    public URI url() {
        return url;
    }
}
