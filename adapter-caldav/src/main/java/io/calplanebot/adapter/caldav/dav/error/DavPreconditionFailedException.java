package io.calplanebot.adapter.caldav.dav.error;

import io.calplanebot.adapter.caldav.dav.DavResponse;

import javax.xml.namespace.QName;
import java.util.List;

/** 412 Precondition Failed: If-Match / If-None-Match did not hold, or a CalDAV precondition. */
public class DavPreconditionFailedException extends DavHttpException {
    private static final long serialVersionUID = 1L;

    DavPreconditionFailedException(DavResponse response, int status, List<QName> errors, String description) {
        super(response, status, errors, description);
    }
}
