package io.calplanebot.adapter.caldav;

import io.calplanebot.adapter.caldav.dav.DavAnswer;
import io.calplanebot.adapter.caldav.dav.DavClient;
import io.calplanebot.adapter.caldav.dav.DavEntry;
import io.calplanebot.adapter.caldav.dav.DavNames;
import io.calplanebot.adapter.caldav.dav.DavProperty;
import io.calplanebot.adapter.caldav.dav.DavXml;
import io.calplanebot.adapter.caldav.dav.Hrefs;
import io.calplanebot.adapter.caldav.dav.MultiStatus;
import io.calplanebot.adapter.caldav.dav.error.DavForbiddenException;
import io.calplanebot.adapter.caldav.dav.error.DavHttpException;
import io.calplanebot.adapter.caldav.dav.error.DavUnauthorizedException;
import io.calplanebot.core.port.out.CalendarStoreException;
import io.calplanebot.core.port.out.CalendarStoreException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Optional;

/**
 * Finds the calendar home (or the one calendar) behind whatever URL the user pasted: the server root,
 * {@code /.well-known/caldav} (301/302, relative or absolute, followed with the PROPFIND and its body), a
 * principal, the calendar home, or a calendar. Follows DAV:current-user-principal to
 * CALDAV:calendar-home-set. When the pasted URL leads nowhere, {@code /.well-known/caldav} on the same origin
 * is tried.
 */
final class CalDavDiscovery {
    private static final Logger LOG = LoggerFactory.getLogger(CalDavDiscovery.class);
    private static final String WELL_KNOWN = "/.well-known/caldav";
    private static final String START = DavXml.propfind(DavNames.RESOURCETYPE, DavNames.CURRENT_USER_PRINCIPAL,
            DavNames.CALENDAR_HOME_SET, DavNames.DISPLAYNAME);
    private static final String HOME_SET = DavXml.propfind(DavNames.CALENDAR_HOME_SET);

    private final DavClient dav;

    CalDavDiscovery(DavClient dav) {
        this.dav = dav;
    }

    CalDavLocation discover(URI start) {
        Optional<CalDavLocation> found = from(start);
        if (found.isEmpty() && !start.getPath().startsWith(WELL_KNOWN)) {
            found = from(Hrefs.atOrigin(start, WELL_KNOWN));
        }
        CalDavLocation location = found.orElseThrow(() -> new CalendarStoreException(Reason.PROTOCOL,
                "no CalDAV calendar home found at " + start + " (nor at " + WELL_KNOWN + " on that server):"
                        + " use the URL of your calendar home, principal or one calendar"));
        LOG.info("CalDAV {} found at {}", location.singleCalendar().isPresent() ? "calendar" : "calendar home",
                location.entryPoint());
        return location;
    }

    private Optional<CalDavLocation> from(URI url) {
        Optional<DavAnswer> answer = propfind(url, START);
        Optional<DavEntry> entry = answer.flatMap(CalDavDiscovery::entry);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        URI at = answer.get().url();
        if (entry.get().hasResourceType(DavNames.CALENDAR)) {
            return Optional.of(CalDavLocation.calendar(Hrefs.asCollection(at)));
        }
        Optional<URI> home = href(entry.get(), DavNames.CALENDAR_HOME_SET, at);
        if (home.isPresent()) {
            return home.map(h -> CalDavLocation.home(Hrefs.asCollection(h)));
        }
        Optional<URI> principal = entry.get().property(DavNames.CURRENT_USER_PRINCIPAL)
                .filter(p -> !p.hasChild(DavNames.UNAUTHENTICATED))
                .flatMap(p -> p.hrefs().stream().findFirst())
                .map(h -> Hrefs.resolve(at, h));
        if (principal.isEmpty()) {
            return Optional.empty();
        }
        Optional<DavAnswer> principalAnswer = propfind(principal.get(), HOME_SET);
        return principalAnswer
                .flatMap(a -> entry(a).flatMap(e -> href(e, DavNames.CALENDAR_HOME_SET, a.url())))
                .map(h -> CalDavLocation.home(Hrefs.asCollection(h)));
    }

    /**
     * PROPFIND Depth 0, redirects followed; empty when the URL leads to no multistatus. Rejected credentials and a
     * refusal are failures: another URL on the same server would not do better.
     */
    private Optional<DavAnswer> propfind(URI url, String body) {
        try {
            return Optional.of(dav.propfindFollowingRedirects(url, body));
        } catch (DavUnauthorizedException | DavForbiddenException e) {
            throw e;
        } catch (DavHttpException e) {
            LOG.debug("discovery: {} answered {}", url, e.statusLine());
            return Optional.empty();
        }
    }

    private static Optional<DavEntry> entry(DavAnswer answer) {
        MultiStatus multiStatus = answer.multiStatus();
        return multiStatus.entry(answer.url()).or(() -> multiStatus.entries().stream().findFirst());
    }

    private static Optional<URI> href(DavEntry entry, javax.xml.namespace.QName name, URI base) {
        return entry.property(name).map(DavProperty::hrefs).flatMap(h -> h.stream().findFirst())
                .map(h -> Hrefs.resolve(base, h));
    }
}
