package io.calplanebot.adapter.caldav.dav.error;

import io.calplanebot.adapter.caldav.dav.DavResponse;
import io.calplanebot.support.http.RetryAfter;

import javax.xml.namespace.QName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A 5xx answer (503 Service Unavailable and the like); carries the server's Retry-After when it sent one. */
public class DavServerErrorException extends DavHttpException {
    private static final long serialVersionUID = 1L;

    private final transient Optional<Duration> retryAfter;

    DavServerErrorException(DavResponse response, int status, List<QName> errors, String description) {
        super(response, status, errors, description);
        this.retryAfter = RetryAfter.parse(response.header("Retry-After"));
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
