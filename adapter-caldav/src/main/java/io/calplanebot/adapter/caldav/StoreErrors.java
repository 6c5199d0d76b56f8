package io.calplanebot.adapter.caldav;

import io.calplanebot.adapter.caldav.dav.DavEntry;
import io.calplanebot.adapter.caldav.dav.DavFormatException;
import io.calplanebot.adapter.caldav.dav.DavNames;
import io.calplanebot.adapter.caldav.dav.DavResponse;
import io.calplanebot.adapter.caldav.dav.DavUnreachableException;
import io.calplanebot.adapter.caldav.dav.Hrefs;
import io.calplanebot.adapter.caldav.dav.MultiStatus;
import io.calplanebot.core.port.out.CalendarStoreException;
import io.calplanebot.core.port.out.CalendarStoreException.Reason;
import io.calplanebot.core.port.out.EventAlreadyExistsException;
import io.calplanebot.core.port.out.EventNotFoundException;
import io.calplanebot.core.port.out.StaleVersionException;

import javax.xml.namespace.QName;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns HTTP statuses and CalDAV preconditions into the port's typed errors. Messages name the server URL and
 * the user where that helps; the password is never known here.
 */
final class StoreErrors {
    /** What a write was trying to do; the same status means different things for each. */
    enum Write { CREATE, UPDATE, DELETE }

    /** Preconditions meaning "an event with this UID or at this URL already exists". */
    private static final Set<String> ALREADY_EXISTS = Set.of("no-uid-conflict", "unique-scheduling-object-resource",
            "resource-must-be-null");

    private final String user;

    StoreErrors(String user) {
        this.user = user;
    }

    CalendarStoreException unreachable(DavUnreachableException e) {
        return new CalendarStoreException(Reason.UNREACHABLE, "CalDAV server " + Hrefs.origin(e.url()) + " "
                + e.getMessage(), e);
    }

    CalendarStoreException unreadable(DavResponse response, RuntimeException e) {
        return new CalendarStoreException(Reason.PROTOCOL, response.method() + " " + response.url()
                + ": the server's answer cannot be read (" + e.getMessage() + ")", e);
    }

    /**
     * The failure of a write, or empty when it succeeded. A 207 answer succeeds only if every inner status is
     * 2xx (Xandikos reports errors that way); so does a 2xx answer carrying a multistatus (Radicale's DELETE).
     */
    Optional<CalendarStoreException> writeFailure(DavResponse response, Write write) {
        if (response.isSuccess()) {
            return innerFailure(response).map(entry -> forStatus(response, entry.failureStatus().orElse(500),
                    entry.errors(), entry.description(), write));
        }
        return Optional.of(forStatus(response, response.status(), response.errorConditions(), "", write));
    }

    /** The failure of a MKCALENDAR or PROPPATCH: a non-2xx status, or a non-2xx status inside a 207. */
    Optional<DavEntry> innerFailure(DavResponse response) {
        if (!response.isMultiStatus() && !looksLikeXml(response)) {
            return Optional.empty();
        }
        MultiStatus multiStatus;
        try {
            multiStatus = response.multiStatus();
        } catch (DavFormatException e) {
            if (response.isMultiStatus()) {
                throw unreadable(response, e);
            }
            return Optional.empty(); // a 2xx with some other XML body
        }
        return multiStatus.entries().stream().filter(e -> e.failureStatus().isPresent()).findFirst();
    }

    /** A MKCALENDAR or PROPPATCH whose 207 answer holds a non-2xx status. */
    CalendarStoreException failedInside(DavResponse response, DavEntry entry, String what) {
        int status = entry.failureStatus().orElse(0);
        if (status == 401) {
            return authentication(response);
        }
        return new CalendarStoreException(status == 403 ? Reason.FORBIDDEN : Reason.PROTOCOL, what + ": "
                + response.method() + " " + response.url() + " answered " + response.statusLine() + " with " + status
                + " inside" + conditions(entry.errors())
                + (entry.description().isEmpty() ? "" : " - " + entry.description()));
    }

    /** A failed read or calendar operation (PROPFIND, REPORT, MKCALENDAR, PROPPATCH, GET). */
    CalendarStoreException failure(DavResponse response, String what) {
        int status = response.status();
        String detail = what + ": " + response.method() + " " + response.url() + " answered "
                + response.statusLine() + conditions(response.errorConditions()) + excerpt(response);
        if (status == 401) {
            return authentication(response);
        }
        if (status == 403) {
            return new CalendarStoreException(Reason.FORBIDDEN, detail + " (user '" + user + "')");
        }
        if (status == 404 || status == 410) {
            return new EventNotFoundException(detail);
        }
        return new CalendarStoreException(Reason.PROTOCOL, detail);
    }

    CalendarStoreException authentication(DavResponse response) {
        List<String> offered = new ArrayList<>();
        for (String challenge : response.headers("WWW-Authenticate")) {
            offered.add(challenge.strip().split("\\s+", 2)[0]);
        }
        return new CalendarStoreException(Reason.AUTHENTICATION, "CalDAV server " + Hrefs.origin(response.url())
                + " rejected the credentials of user '" + user + "' (" + response.method() + " " + response.url()
                + " answered " + response.statusLine() + (offered.isEmpty() ? "" : "; it offers " + offered)
                + "): check the user name, password and auth type");
    }

    private CalendarStoreException forStatus(DavResponse response, int status, List<QName> conditions,
                                             String description, Write write) {
        String detail = response.method() + " " + response.url() + " answered " + status
                + (response.status() != status ? " inside " + response.statusLine() : "")
                + conditions(conditions) + (description.isEmpty() ? "" : " - " + description);
        boolean uidTaken = conditions.stream().anyMatch(c -> ALREADY_EXISTS.contains(c.getLocalPart()));
        // CalDAV preconditions other than the UID ones say the data was refused (DAViCal's 412 for broken
        // data, Xandikos's 412 valid-calendar-data); DAV:if-match / DAV:if-none-match are plain version checks.
        boolean dataRefused = conditions.stream().anyMatch(c -> DavNames.CALDAV.equals(c.getNamespaceURI())
                && !ALREADY_EXISTS.contains(c.getLocalPart()));
        if (status == 401) {
            return authentication(response);
        }
        if (write == Write.CREATE && (uidTaken || (status == 412 && !dataRefused))) {
            return new EventAlreadyExistsException("event already exists: " + detail);
        }
        if (write != Write.CREATE && status == 412 && !dataRefused) {
            return new StaleVersionException("event changed since the version we hold: " + detail);
        }
        if (status == 404 || status == 410 || (status == 409 && conditions.isEmpty())) {
            return new EventNotFoundException((write == Write.CREATE ? "calendar not found: " : "event not found: ")
                    + detail);
        }
        if (status == 403 && conditions.isEmpty()) {
            return new CalendarStoreException(Reason.FORBIDDEN, "not allowed for user '" + user + "': " + detail
                    + excerpt(response));
        }
        return new CalendarStoreException(Reason.PROTOCOL, "the server refused the event: " + detail
                + excerpt(response));
    }

    private static boolean looksLikeXml(DavResponse response) {
        String type = response.header("Content-Type").orElse("");
        return response.body().length > 0 && (type.contains("xml") || response.bodyText().stripLeading().startsWith("<"));
    }

    private static String conditions(List<QName> conditions) {
        if (conditions.isEmpty()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        conditions.forEach(c -> names.add(c.getLocalPart()));
        return " " + names;
    }

    private static String excerpt(DavResponse response) {
        String excerpt = response.excerpt();
        return excerpt.isEmpty() ? "" : " (" + excerpt + ")";
    }
}
