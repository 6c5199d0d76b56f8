package io.calplanebot.adapter.caldav.dav.error;

import io.calplanebot.adapter.caldav.dav.DavEntry;
import io.calplanebot.adapter.caldav.dav.DavFormatException;
import io.calplanebot.adapter.caldav.dav.DavResponse;
import io.calplanebot.adapter.caldav.dav.MultiStatus;

import javax.xml.namespace.QName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The server answered with a status the request does not accept. Created only by {@link #from(DavResponse)} and
 * its siblings, which pick the subclass for the status (401, 403, 404/410, 409, 412, 429, 5xx), as dav4jvm's
 * {@code HttpException.fromResponse} does. Carries the status, the method and href, the {@code <DAV:error>}
 * precondition names and a capped excerpt of the body. When the failure was reported inside a 207 Multi-Status,
 * {@link #status()} is the inner status and {@link #statusLine()} the answer's own.
 */
public class DavHttpException extends DavException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String statusLine;
    private final transient List<QName> errors;
    private final String description;
    private final String excerpt;
    private final boolean inside;

    DavHttpException(DavResponse response, int status, List<QName> errors, String description) {
        super(response.method(), response.url(), message(response, status, errors, description), null);
        this.status = status;
        this.statusLine = response.statusLine();
        this.errors = List.copyOf(errors);
        this.description = description;
        this.inside = status != response.status();
        this.excerpt = inside ? "" : response.excerpt();
    }

    /** The exception for a whole answer whose status the request does not accept. */
    public static DavHttpException from(DavResponse response) {
        return create(response, response.status(), response.errorConditions(), "");
    }

    /** The exception for a 207 (or 2xx) answer that reports a failure inside, in {@code failed}. */
    public static DavHttpException from(DavResponse response, DavEntry failed) {
        return create(response, failed.failureStatus().orElse(500), failed.errors(), failed.description());
    }

    /**
     * The failure of a write (PUT, DELETE, MKCALENDAR, PROPPATCH), or empty when it succeeded: a non-2xx status,
     * or a failing status inside a multistatus body of a 2xx answer (Xandikos reports errors in a 207; Radicale's
     * DELETE answers 200 with a multistatus of 200s, which is a success).
     *
     * @throws DavUnreadableException when a 207 body cannot be read
     */
    public static Optional<DavHttpException> failureOf(DavResponse response) {
        if (!response.isSuccess()) {
            return Optional.of(from(response));
        }
        return innerFailure(response).map(entry -> from(response, entry));
    }

    private static Optional<DavEntry> innerFailure(DavResponse response) {
        if (!response.isMultiStatus() && !looksLikeXml(response)) {
            return Optional.empty();
        }
        MultiStatus multiStatus;
        try {
            multiStatus = response.multiStatus();
        } catch (DavFormatException e) {
            if (response.isMultiStatus()) {
                throw new DavUnreadableException(response, e);
            }
            return Optional.empty(); // a 2xx with some other XML body (Xandikos's MKCALENDAR answer)
        }
        return multiStatus.entries().stream().filter(e -> e.failureStatus().isPresent()).findFirst();
    }

    private static DavHttpException create(DavResponse response, int status, List<QName> errors, String description) {
        switch (status) {
            case 401:
                return new DavUnauthorizedException(response, status, errors, description);
            case 403:
                return new DavForbiddenException(response, status, errors, description);
            case 404:
            case 410:
                return new DavNotFoundException(response, status, errors, description);
            case 409:
                return new DavConflictException(response, status, errors, description);
            case 412:
                return new DavPreconditionFailedException(response, status, errors, description);
            case 429:
                return new DavTooManyRequestsException(response, status, errors, description);
            default:
                return status >= 500
                        ? new DavServerErrorException(response, status, errors, description)
                        : new DavHttpException(response, status, errors, description);
        }
    }

    /** The failing status: the answer's, or the one reported inside its multistatus. */
    public int status() {
        return status;
    }

    /** The status line of the answer as a whole, e.g. {@code 207 Multi-Status}. */
    public String statusLine() {
        return statusLine;
    }

    /** Whether the failure was reported inside a multistatus rather than by the answer's own status. */
    public boolean isInsideMultiStatus() {
        return inside;
    }

    /** The CalDAV/WebDAV precondition names from the {@code <DAV:error>} element, e.g. {@code no-uid-conflict}. */
    public List<QName> errors() {
        return errors;
    }

    public String description() {
        return description;
    }

    /** The start of the body on one line (at most 300 characters), empty for a failure inside a multistatus. */
    public String excerpt() {
        return excerpt;
    }

    private static String message(DavResponse response, int status, List<QName> errors, String description) {
        String answered = status == response.status() ? response.statusLine()
                : status + " inside " + response.statusLine();
        String excerpt = status == response.status() ? response.excerpt() : "";
        return response.method() + " " + response.url() + " answered " + answered + names(errors)
                + (description.isEmpty() ? "" : " - " + description)
                + (excerpt.isEmpty() ? "" : " (" + excerpt + ")");
    }

    private static String names(List<QName> errors) {
        if (errors.isEmpty()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        errors.forEach(c -> names.add(c.getLocalPart()));
        return " " + names;
    }

    private static boolean looksLikeXml(DavResponse response) {
        String type = response.header("Content-Type").orElse("");
        return response.body().length > 0
                && (type.contains("xml") || response.bodyText().stripLeading().startsWith("<"));
    }
}
