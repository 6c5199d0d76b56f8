package io.calplanebot.adapter.caldav.dav.error;

import io.calplanebot.adapter.caldav.dav.DavResponse;

import javax.xml.namespace.QName;
import java.util.List;

/** A 5xx answer (503 Service Unavailable and the like); carries the server's Retry-After when it sent one. */
public class DavServerErrorException extends DavRetryableException {
    private static final long serialVersionUID = 1L;

    DavServerErrorException(DavResponse response, int status, List<QName> errors, String description) {
        super(response, status, errors, description);
    }
}
