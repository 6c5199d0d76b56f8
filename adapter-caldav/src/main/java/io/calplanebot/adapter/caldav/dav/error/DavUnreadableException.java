package io.calplanebot.adapter.caldav.dav.error;

import io.calplanebot.adapter.caldav.dav.DavResponse;

/** The server answered something this client cannot read (a multistatus that is not XML, say). */
public class DavUnreadableException extends DavException {
    private static final long serialVersionUID = 1L;

    public DavUnreadableException(DavResponse response, RuntimeException cause) {
        super(response.method(), response.url(), response.method() + " " + response.url()
                + ": the server's answer cannot be read (" + cause.getMessage() + ")", cause);
    }
}
