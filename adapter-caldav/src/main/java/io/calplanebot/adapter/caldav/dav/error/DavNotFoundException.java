package io.calplanebot.adapter.caldav.dav.error;

import io.calplanebot.adapter.caldav.dav.DavResponse;

import javax.xml.namespace.QName;
import java.util.List;

/** 404 Not Found or 410 Gone. */
public class DavNotFoundException extends DavHttpException {
    private static final long serialVersionUID = 1L;

    DavNotFoundException(DavResponse response, int status, List<QName> errors, String description) {
        super(response, status, errors, description);
    }
}
