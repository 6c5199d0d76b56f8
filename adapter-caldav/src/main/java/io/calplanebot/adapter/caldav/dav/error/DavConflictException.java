package io.calplanebot.adapter.caldav.dav.error;

import io.calplanebot.adapter.caldav.dav.DavResponse;

import javax.xml.namespace.QName;
import java.util.List;

/** 409 Conflict: a missing parent collection, or a precondition (see {@link #errors()}). */
public class DavConflictException extends DavHttpException {
    private static final long serialVersionUID = 1L;

    DavConflictException(DavResponse response, int status, List<QName> errors, String description) {
        super(response, status, errors, description);
    }
}
