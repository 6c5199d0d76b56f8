package io.calplanebot.adapter.caldav.dav.error;

import io.calplanebot.adapter.caldav.dav.DavResponse;

import javax.xml.namespace.QName;
import java.util.List;

/**
 * A 429 Too Many Requests answer (a server's rate limit, as Nextcloud's); carries the server's Retry-After when it
 * sent one. Retried like a 5xx.
 */
public class DavTooManyRequestsException extends DavRetryableException {
    private static final long serialVersionUID = 1L;

    DavTooManyRequestsException(DavResponse response, int status, List<QName> errors, String description) {
        super(response, status, errors, description);
    }
}
