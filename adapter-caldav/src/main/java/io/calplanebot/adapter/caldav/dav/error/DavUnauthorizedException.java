package io.calplanebot.adapter.caldav.dav.error;

import io.calplanebot.adapter.caldav.dav.DavResponse;

import javax.xml.namespace.QName;
import java.util.ArrayList;
import java.util.List;

/** 401 Unauthorized: the credentials were rejected. Carries the authentication schemes the server offers. */
public class DavUnauthorizedException extends DavHttpException {
    private static final long serialVersionUID = 1L;

    private final List<String> offeredSchemes;

    DavUnauthorizedException(DavResponse response, int status, List<QName> errors, String description) {
        super(response, status, errors, description);
        List<String> offered = new ArrayList<>();
        for (String challenge : response.headers("WWW-Authenticate")) {
            offered.add(challenge.strip().split("\\s+", 2)[0]);
        }
        this.offeredSchemes = List.copyOf(offered);
    }

    /** The schemes of the WWW-Authenticate challenges, e.g. {@code [Digest, Basic]}. */
    public List<String> offeredSchemes() {
        return offeredSchemes;
    }
}
