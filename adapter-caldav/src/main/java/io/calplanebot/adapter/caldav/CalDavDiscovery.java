package io.calplanebot.adapter.caldav;

import io.calplanebot.adapter.caldav.dav.DavClient;
import io.calplanebot.adapter.caldav.dav.DavEntry;
import io.calplanebot.adapter.caldav.dav.DavFormatException;
import io.calplanebot.adapter.caldav.dav.DavNames;
import io.calplanebot.adapter.caldav.dav.DavProperty;
import io.calplanebot.adapter.caldav.dav.DavRequest;
import io.calplanebot.adapter.caldav.dav.DavResponse;
import io.calplanebot.adapter.caldav.dav.DavXml;
import io.calplanebot.adapter.caldav.dav.Hrefs;
import io.calplanebot.adapter.caldav.dav.MultiStatus;
import io.calplanebot.core.port.out.CalendarStoreException;
import io.calplanebot.core.port.out.CalendarStoreException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the calendar home (or the one calendar) behind whatever URL the user pasted: the server root,
 * {@code /.well-known/caldav} (301/302, relative or absolute, followed with the PROPFIND and its body), a
 * principal, the calendar home, or a calendar. Follows DAV:current-user-principal to
 * CALDAV:calendar-home-set. When the pasted URL leads nowhere, {@code /.well-known/caldav} on the same origin
 * is tried.
 */
final class CalDavDiscovery {
    private static final Logger LOG = LoggerFactory.getLogger(CalDavDiscovery.class);
    private static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final String WELL_KNOWN = "/.well-known/caldav";
    private static final String START = DavXml.propfind(DavNames.RESOURCETYPE, DavNames.CURRENT_USER_PRINCIPAL,
            DavNames.CALENDAR_HOME_SET, DavNames.DISPLAYNAME);
    private static final String HOME_SET = DavXml.propfind(DavNames.CALENDAR_HOME_SET);

    private final DavClient dav;
    private final StoreErrors errors;

    CalDavDiscovery(DavClient dav, StoreErrors errors) {
        this.dav = dav;
        this.errors = errors;
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
        Answer answer = propfind(url, START);
        Optional<DavEntry> entry = entry(answer);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        if (entry.get().hasResourceType(DavNames.CALENDAR)) {
            return Optional.of(CalDavLocation.calendar(Hrefs.asCollection(answer.url)));
        }
        Optional<URI> home = href(entry.get(), DavNames.CALENDAR_HOME_SET, answer.url);
        if (home.isPresent()) {
            return home.map(h -> CalDavLocation.home(Hrefs.asCollection(h)));
        }
        Optional<URI> principal = entry.get().property(DavNames.CURRENT_USER_PRINCIPAL)
                .filter(p -> !p.hasChild(DavNames.UNAUTHENTICATED))
                .flatMap(p -> p.hrefs().stream().findFirst())
                .map(h -> Hrefs.resolve(answer.url, h));
        if (principal.isEmpty()) {
            return Optional.empty();
        }
        Answer principalAnswer = propfind(principal.get(), HOME_SET);
        return entry(principalAnswer)
                .flatMap(e -> href(e, DavNames.CALENDAR_HOME_SET, principalAnswer.url))
                .map(h -> CalDavLocation.home(Hrefs.asCollection(h)));
    }

    /** PROPFIND Depth 0, following redirects by hand with the same method and body. */
    private Answer propfind(URI start, String body) {
        URI url = start;
        for (int redirects = 0; ; redirects++) {
            DavResponse response = dav.execute(DavRequest.propfind(url, 0, body));
            Optional<String> location = response.header("Location");
            if (!REDIRECTS.contains(response.status()) || location.isEmpty() || redirects == MAX_REDIRECTS) {
                if (response.status() == 401) {
                    throw errors.authentication(response);
                }
                return new Answer(url, response);
            }
            URI target = Hrefs.resolve(url, location.get());
            dav.trustRedirect(url, target);
            url = target;
        }
    }

    private Optional<DavEntry> entry(Answer answer) {
        if (answer.response.status() == 403) {
            throw errors.failure(answer.response, "discovering the calendar home");
        }
        if (!answer.response.isMultiStatus()) {
            LOG.debug("discovery: {} answered {}", answer.url, answer.response.statusLine());
            return Optional.empty();
        }
        MultiStatus multiStatus;
        try {
            multiStatus = answer.response.multiStatus();
        } catch (DavFormatException e) {
            throw errors.unreadable(answer.response, e);
        }
        return multiStatus.entry(answer.url).or(() -> multiStatus.entries().stream().findFirst());
    }

    private static Optional<URI> href(DavEntry entry, javax.xml.namespace.QName name, URI base) {
        return entry.property(name).map(DavProperty::hrefs).flatMap(h -> h.stream().findFirst())
                .map(h -> Hrefs.resolve(base, h));
    }

    /** A response and the URL it finally came from. */
    private static final class Answer {
        private final URI url;
        private final DavResponse response;

        private Answer(URI url, DavResponse response) {
            this.url = url;
            this.response = response;
        }
    }
}
