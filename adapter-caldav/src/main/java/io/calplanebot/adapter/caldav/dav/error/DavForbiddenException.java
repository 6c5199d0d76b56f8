package io.calplanebot.adapter.caldav.dav.error;

import io.calplanebot.adapter.caldav.dav.DavResponse;

import javax.xml.namespace.QName;
import java.util.List;

/** 403 Forbidden: authenticated, but not allowed (or a precondition refused, see {@link #errors()}). */
public class DavForbiddenException extends DavHttpException {
    private static final long serialVersionUID = 1L;

    DavForbiddenException(DavResponse response, int status, List<QName> errors, String description) {
        super(response, status, errors, description);
    }
}
