package io.calplanebot.adapter.caldav.dav.error;

import io.calplanebot.adapter.caldav.dav.DavResponse;
import io.calplanebot.support.http.RetryAfter;

import javax.xml.namespace.QName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An answer worth asking again, after a while: a 5xx ({@link DavServerErrorException}) or a 429
 * ({@link DavTooManyRequestsException}). Carries the server's {@code Retry-After} when it sent one.
 */
public abstract class DavRetryableException extends DavHttpException {
    private static final long serialVersionUID = 1L;

    private final transient Optional<Duration> retryAfter;

    DavRetryableException(DavResponse response, int status, List<QName> errors, String description) {
        super(response, status, errors, description);
        this.retryAfter = RetryAfter.parse(response.header("Retry-After"));
    }

    /** How long the server asked to wait before asking again, if it said. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
