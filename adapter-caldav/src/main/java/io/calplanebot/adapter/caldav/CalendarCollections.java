package io.calplanebot.adapter.caldav;

import io.calplanebot.adapter.caldav.dav.DavClient;
import io.calplanebot.adapter.caldav.dav.DavEntry;
import io.calplanebot.adapter.caldav.dav.DavNames;
import io.calplanebot.adapter.caldav.dav.DavXml;
import io.calplanebot.adapter.caldav.dav.Hrefs;
import io.calplanebot.adapter.caldav.dav.Precondition;
import io.calplanebot.adapter.caldav.dav.error.DavHttpException;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.port.out.CalendarStoreException;
import io.calplanebot.core.port.out.CalendarStoreException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.xml.namespace.QName;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The project calendars in a calendar home: {@code {home}/plane-{project id}/}, named {@code Plane: {name}}.
 * Finds them (by URL, or by display name to adopt an existing one), creates them with MKCALENDAR and renames
 * them with PROPPATCH. Properties a server ignored at creation (Xandikos keeps only the display name) are set
 * with a PROPPATCH right after.
 */
final class CalendarCollections {
    private static final Logger LOG = LoggerFactory.getLogger(CalendarCollections.class);
    private static final String LISTING = DavXml.propfind(DavNames.RESOURCETYPE, DavNames.DISPLAYNAME);
    private static final String PROPERTIES = DavXml.propfind(DavNames.RESOURCETYPE, DavNames.DISPLAYNAME,
            DavNames.CALENDAR_COLOR, DavNames.CALENDAR_DESCRIPTION);
    /** MKCALENDAR answers meaning "something is already at that URL". */
    private static final Set<Integer> TAKEN = Set.of(403, 405, 409);
    /** How long {@link #ensure} reuses the home's listing: 2 s. */
    private static final long REUSE_NANOS = 2_000_000_000L;

    private final DavClient dav;
    private final String color;
    /** Calendars adopted by display name, so that they are still found after the project is renamed. */
    private final Map<String, URI> adopted = new ConcurrentHashMap<>();
    /** Told of each calendar created here: what was known of an earlier one at the same URL is not its state. */
    private final Consumer<URI> created;
    /**
     * The home's last listing by {@link #ensure}, reused by the ensures that follow within {@link #REUSE_NANOS} (a
     * full sync ensures every project's calendar in a row: one PROPFIND instead of one per project). Forgotten when
     * this process creates, renames or deletes a calendar.
     */
    private URI listedHome;
    private List<CalendarInfo> listedCalendars = List.of();
    private long listedAt;

    CalendarCollections(DavClient dav, String color, Consumer<URI> created) {
        this.dav = dav;
        this.color = color;
        this.created = created;
    }

    /** The calendar collections directly in the home (not the home itself, inboxes or other collections). */
    List<CalendarInfo> list(URI home) {
        List<CalendarInfo> calendars = new ArrayList<>();
        for (DavEntry entry : dav.propfind(home, 1, LISTING).entries()) {
            if (!Hrefs.sameResource(entry.href(), home) && entry.hasResourceType(DavNames.CALENDAR)) {
                calendars.add(new CalendarInfo(Hrefs.asCollection(entry.href()),
                        entry.text(DavNames.DISPLAYNAME).orElse("")));
            }
        }
        return calendars;
    }

    Optional<CalendarInfo> find(URI home, Project project) {
        return find(home, project, list(home));
    }

    private Optional<CalendarInfo> find(URI home, Project project, List<CalendarInfo> calendars) {
        URI target = target(home, project);
        Optional<CalendarInfo> found = byHref(calendars, target);
        if (found.isEmpty() && adopted.containsKey(project.id())) {
            found = byHref(calendars, adopted.get(project.id()));
        }
        if (found.isEmpty()) {
            found = calendars.stream().filter(c -> sameName(c.displayName(), project.calendarName())).findFirst();
            found.ifPresent(c -> {
                LOG.info("adopting calendar {} named '{}' for project {}", c.href(), c.displayName(), project.id());
                adopted.put(project.id(), c.href());
            });
        }
        return found;
    }

    synchronized URI ensure(URI home, Project project) {
        Optional<CalendarInfo> existing = find(home, project, recentListing(home));
        if (existing.isPresent()) {
            CalendarInfo calendar = existing.get();
            if (!sameName(calendar.displayName(), project.calendarName())) {
                forgetListing();
                LOG.info("renaming calendar {} from '{}' to '{}'", calendar.href(), calendar.displayName(),
                        project.calendarName());
                setProperties(calendar.href(), Map.of(DavNames.DISPLAYNAME, project.calendarName()), true);
            }
            return calendar.href();
        }
        forgetListing();
        URI target = target(home, project);
        create(target, project);
        return target;
    }

    private synchronized void forgetListing() {
        listedHome = null;
    }

    /** The home's calendars: the listing an ensure took less than {@link #REUSE_NANOS} ago, or a new one. */
    private List<CalendarInfo> recentListing(URI home) {
        if (home.equals(listedHome) && System.nanoTime() - listedAt < REUSE_NANOS) {
            return listedCalendars;
        }
        List<CalendarInfo> calendars = list(home);
        listedHome = home;
        listedCalendars = calendars;
        listedAt = System.nanoTime();
        return calendars;
    }

    /** Deletes a calendar that holds nothing; one that holds anything is left in place and refused. */
    void deleteEmpty(URI calendar) {
        for (DavEntry entry : dav.propfind(calendar, 1, LISTING).entries()) {
            if (!Hrefs.sameResource(entry.href(), calendar)) {
                throw new CalendarStoreException(Reason.PROTOCOL, "calendar " + calendar + " is not empty ("
                        + entry.href() + "); it was left in place");
            }
        }
        forgetListing();
        dav.delete(calendar, Precondition.none());
        LOG.info("deleted the empty calendar {}", calendar);
    }

    private void create(URI target, Project project) {
        Map<QName, String> wanted = new LinkedHashMap<>();
        wanted.put(DavNames.DISPLAYNAME, project.calendarName());
        wanted.put(DavNames.CALENDAR_COLOR, color);
        wanted.put(DavNames.CALENDAR_DESCRIPTION, description(project));
        try {
            dav.mkcalendar(target, DavXml.mkcalendar(wanted));
            created.accept(target);
            LOG.info("created calendar {} '{}'", target, project.calendarName());
        } catch (DavHttpException e) {
            if (!TAKEN.contains(e.status())) {
                throw e;
            }
            LOG.info("MKCALENDAR {}: something is already there ({}); using it if it is a calendar", target,
                    e.isInsideMultiStatus() ? e.status() + " inside " + e.statusLine() : e.statusLine());
        }
        completeProperties(target, wanted);
    }

    /** Reads the new calendar's properties back and sets what the server did not keep. */
    private void completeProperties(URI calendar, Map<QName, String> wanted) {
        DavEntry entry = dav.propfind(calendar, 0, PROPERTIES).entry(calendar).orElseThrow(() ->
                new CalendarStoreException(Reason.PROTOCOL, "PROPFIND " + calendar + " did not describe the calendar"));
        if (!entry.hasResourceType(DavNames.CALENDAR)) {
            throw new CalendarStoreException(Reason.PROTOCOL, calendar + " exists but is not a calendar;"
                    + " move it away or configure another calendar home");
        }
        Map<QName, String> missing = new LinkedHashMap<>();
        if (!sameName(entry.text(DavNames.DISPLAYNAME).orElse(""), wanted.get(DavNames.DISPLAYNAME))) {
            missing.put(DavNames.DISPLAYNAME, wanted.get(DavNames.DISPLAYNAME));
        }
        for (QName cosmetic : List.of(DavNames.CALENDAR_COLOR, DavNames.CALENDAR_DESCRIPTION)) {
            if (entry.text(cosmetic).isEmpty()) {
                missing.put(cosmetic, wanted.get(cosmetic));
            }
        }
        // One PROPPATCH per property: servers differ in which they accept (Xandikos refuses the description
        // with 409), and a refused cosmetic property must not take the others down with it.
        missing.forEach((name, value) -> {
            LOG.debug("calendar {}: setting {} after MKCALENDAR", calendar, name.getLocalPart());
            setProperties(calendar, Map.of(name, value), name.equals(DavNames.DISPLAYNAME));
        });
    }

    /**
     * PROPPATCH; a non-2xx answer or a non-2xx status inside the 207 is a failure. When {@code required} is false
     * (only colour and description) the server's refusal is logged instead of thrown.
     */
    private void setProperties(URI calendar, Map<QName, String> properties, boolean required) {
        try {
            dav.proppatch(calendar, DavXml.proppatch(properties));
        } catch (DavHttpException e) {
            if (required) {
                throw e;
            }
            LOG.warn("calendar {}: the server did not take {}: {}", calendar, names(properties), e.getMessage());
        }
    }

    /**
     * Whether a display name read from the server is the wanted one. DAViCal hands back {@code &}, {@code <} and
     * {@code >} still XML-escaped once ({@code &amp;amp;} on the wire), so that form counts as the same name;
     * otherwise every sync would rename the calendar again.
     */
    static boolean sameName(String fromServer, String wanted) {
        return fromServer.equals(wanted) || fromServer.equals(DavXml.escape(wanted));
    }

    static URI target(URI home, Project project) {
        return Hrefs.childCollection(home, "plane-" + project.id());
    }

    private static Optional<CalendarInfo> byHref(List<CalendarInfo> calendars, URI href) {
        return calendars.stream().filter(c -> Hrefs.sameResource(c.href(), href)).findFirst();
    }

    private static String description(Project project) {
        return "Due dates of the Plane project " + project.name()
                + (project.identifier().isEmpty() ? "" : " (" + project.identifier() + ")")
                + ". Kept in sync by CalPlaneBot; events added by others are left alone.";
    }

    private static List<String> names(Map<QName, String> properties) {
        List<String> names = new ArrayList<>();
        properties.keySet().forEach(n -> names.add(n.getLocalPart()));
        return names;
    }
}
