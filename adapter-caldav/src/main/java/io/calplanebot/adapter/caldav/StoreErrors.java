package io.calplanebot.adapter.caldav;

import io.calplanebot.adapter.caldav.dav.DavNames;
import io.calplanebot.adapter.caldav.dav.Hrefs;
import io.calplanebot.adapter.caldav.dav.error.DavException;
import io.calplanebot.adapter.caldav.dav.error.DavHttpException;
import io.calplanebot.adapter.caldav.dav.error.DavUnauthorizedException;
import io.calplanebot.adapter.caldav.dav.error.DavUnreachableException;
import io.calplanebot.core.port.out.CalendarStoreException;
import io.calplanebot.core.port.out.CalendarStoreException.Reason;
import io.calplanebot.core.port.out.EventAlreadyExistsException;
import io.calplanebot.core.port.out.EventNotFoundException;
import io.calplanebot.core.port.out.StaleVersionException;

import javax.xml.namespace.QName;
import java.util.List;
import java.util.Set;

/**
 * The one place where DAV failures become the port's typed errors. The same status means different things for
 * a read, a create and a change of an existing event, so the caller says which it was. Messages name the server
 * URL and the user where that helps; the password is never known here.
 */
final class StoreErrors {
    /** What the failed call was doing. */
    enum Access { READ, CREATE, UPDATE, DELETE }

    /** Preconditions meaning "an event with this UID or at this URL already exists". */
    private static final Set<String> ALREADY_EXISTS = Set.of("no-uid-conflict", "unique-scheduling-object-resource",
            "resource-must-be-null");

    private final String user;

    StoreErrors(String user) {
        this.user = user;
    }

    /**
     * @param what for reads and calendar operations, what was being done ("listing events in …")
     */
    CalendarStoreException translate(DavException failure, Access access, String what) {
        if (failure instanceof DavUnreachableException) {
            return new CalendarStoreException(Reason.UNREACHABLE, "CalDAV server " + Hrefs.origin(failure.href())
                    + " " + failure.getMessage(), failure);
        }
        if (failure instanceof DavUnauthorizedException) {
            return authentication((DavUnauthorizedException) failure);
        }
        if (!(failure instanceof DavHttpException)) {
            return new CalendarStoreException(Reason.PROTOCOL, what + ": " + failure.getMessage(), failure);
        }
        DavHttpException http = (DavHttpException) failure;
        return access == Access.READ ? read(http, what) : write(http, access);
    }

    private CalendarStoreException read(DavHttpException failure, String what) {
        int status = failure.status();
        String detail = what + ": " + failure.getMessage();
        if (status == 403) {
            return new CalendarStoreException(Reason.FORBIDDEN, detail + " (user '" + user + "')", failure);
        }
        if ((status == 404 || status == 410) && !failure.isInsideMultiStatus()) {
            return new EventNotFoundException(detail);
        }
        return new CalendarStoreException(Reason.PROTOCOL, detail, failure);
    }

    private CalendarStoreException write(DavHttpException failure, Access access) {
        int status = failure.status();
        List<QName> conditions = failure.errors();
        String detail = failure.getMessage();
        boolean uidTaken = conditions.stream().anyMatch(c -> ALREADY_EXISTS.contains(c.getLocalPart()));
        // CalDAV preconditions other than the UID ones say the data was refused (DAViCal's 412 for broken
        // data, Xandikos's 412 valid-calendar-data); DAV:if-match / DAV:if-none-match are plain version checks.
        boolean dataRefused = conditions.stream().anyMatch(c -> DavNames.CALDAV.equals(c.getNamespaceURI())
                && !ALREADY_EXISTS.contains(c.getLocalPart()));
        if (access == Access.CREATE && (uidTaken || (status == 412 && !dataRefused))) {
            return new EventAlreadyExistsException("event already exists: " + detail);
        }
        if (access != Access.CREATE && status == 412 && !dataRefused) {
            return new StaleVersionException("event changed since the version we hold: " + detail);
        }
        if (status == 404 || status == 410 || (status == 409 && conditions.isEmpty())) {
            return new EventNotFoundException((access == Access.CREATE ? "calendar not found: " : "event not found: ")
                    + detail);
        }
        if (status == 403 && conditions.isEmpty()) {
            return new CalendarStoreException(Reason.FORBIDDEN, "not allowed for user '" + user + "': " + detail,
                    failure);
        }
        return new CalendarStoreException(Reason.PROTOCOL, "the server refused the event: " + detail, failure);
    }

    private CalendarStoreException authentication(DavUnauthorizedException failure) {
        List<String> offered = failure.offeredSchemes();
        return new CalendarStoreException(Reason.AUTHENTICATION, "CalDAV server " + Hrefs.origin(failure.href())
                + " rejected the credentials of user '" + user + "' (" + failure.method() + " " + failure.href()
                + " answered " + failure.statusLine() + (offered.isEmpty() ? "" : "; it offers " + offered)
                + "): check the user name, password and auth type", failure);
    }
}
