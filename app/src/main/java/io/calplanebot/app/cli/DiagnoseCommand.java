package io.calplanebot.app.cli;

import io.calplanebot.adapter.caldav.CalDavCalendarStore;
import io.calplanebot.adapter.caldav.CalDavSettings;
import io.calplanebot.adapter.plane.PlaneIssueSource;
import io.calplanebot.app.config.AppConfig;
import io.calplanebot.app.wiring.Adapters;
import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.EventIdentity;
import io.calplanebot.core.domain.EventStatus;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.core.port.out.CalendarStoreException;
import io.calplanebot.core.port.out.IssueListing;
import io.calplanebot.core.port.out.IssueSource;
import io.calplanebot.core.port.out.IssueSourceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Checks the configuration, Plane access per project, CalDAV discovery and authentication, and write access with a
 * probe event that it creates and deletes; says what to fix. It uses short timeouts and no retries, so it answers
 * within seconds when a peer does not, and leaves no calendar behind that was not there before.
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = "Check the configuration, Plane and CalDAV access, and write access; print what to fix.")
final class DiagnoseCommand implements Callable<Integer> {
    @ParentCommand
    private Cli parent;

    @Spec
    private CommandSpec spec;

    private PrintWriter out;
    private int failures;

    @Override
    public Integer call() {
        out = spec.commandLine().getOut();
        out.println("Configuration");
        Optional<AppConfig> loaded = CommandSupport.load(parent.loader(), out);
        if (loaded.isEmpty()) {
            fail("configuration is invalid", "fix the variables listed above");
            return Cli.EXIT_CONFIG;
        }
        AppConfig config = loaded.get();
        CommandSupport.cliLogging(config);
        config.describe().forEach((k, v) -> out.printf("    %-30s %s%n", k, v));
        ok("configuration is valid");
        if (config.planeWeb().webhookSecret().isEmpty()) {
            warn("PLANE_WEBHOOK_SECRET is not set: anyone who can reach the webhook URL can trigger syncs",
                    "set it to the secret Plane shows when you create the webhook");
        }

        out.println();
        out.println("Plane (" + config.plane().baseUrl() + ", workspace " + config.plane().workspaceSlug() + ")");
        List<Project> projects;
        try (PlaneIssueSource source = Adapters.diagnosticIssueSource(config)) {
            projects = checkPlane(source);
        }
        if (config.calDav().isPresent()) {
            CalDavSettings dav = config.calDav().get();
            out.println();
            out.println("CalDAV (" + dav.url() + ", user " + dav.username() + ", "
                    + dav.authType().name().toLowerCase(Locale.ROOT) + ")");
            try (CalDavCalendarStore store = Adapters.diagnosticCalendarStore(dav, parent.clock())) {
                checkCalDav(store, projects);
            }
        } else {
            out.println();
            out.println("CalDAV: not configured; events go to the built-in store in " + config.dataDir());
        }
        out.println();
        out.println(failures == 0 ? "All checks passed." : failures + " check(s) failed: see the hints above.");
        out.flush();
        return failures == 0 ? 0 : Cli.EXIT_FAILED;
    }

    private List<Project> checkPlane(IssueSource source) {
        try {
            source.checkConnection();
            ok("API key accepted");
        } catch (IssueSourceException e) {
            fail(e.getMessage(), workspaceHint(e));
            return List.of();
        }
        List<Project> projects;
        try {
            projects = source.listProjects();
        } catch (IssueSourceException e) {
            fail("cannot list projects: " + e.getMessage(), workspaceHint(e));
            return List.of();
        }
        if (projects.isEmpty()) {
            fail("no projects to mirror", "check PLANE_PROJECTS, and that the token's user is a member of the "
                    + "projects (archived projects are skipped)");
        } else {
            ok(projects.size() + " project(s) to mirror");
        }
        for (Project project : projects) {
            try {
                IssueListing listing = source.listIssues(project);
                long dated = listing.issues().stream().filter(i -> i.targetDate().isPresent()).count();
                ok(project.identifier() + " \"" + project.name() + "\": " + listing.issues().size() + " issue(s), "
                        + dated + " with a due date" + (listing.complete() ? "" : " (some could not be read)"));
            } catch (IssueSourceException e) {
                fail(project.identifier() + ": " + e.getMessage(), projectHint(e));
            }
        }
        return projects;
    }

    private void checkCalDav(CalDavCalendarStore store, List<Project> projects) {
        try {
            store.checkConnection();
            ok("server found and credentials accepted");
        } catch (CalendarStoreException e) {
            fail(e.getMessage(), locationHint(e));
            return;
        }
        if (projects.isEmpty()) {
            warn("write access not checked", "it needs a Plane project to pick the calendar");
            return;
        }
        checkWriteAccess(store, projects.get(0));
    }

    /**
     * Writes, reads back and deletes a probe event in the project's calendar. A calendar that had to be created for
     * this is deleted again, so that the check leaves the account as it found it.
     */
    private void checkWriteAccess(CalDavCalendarStore store, Project project) {
        Optional<CalendarId> existing;
        CalendarId calendar;
        try {
            existing = store.findCalendar(project);
            calendar = existing.isPresent() ? existing.get() : store.ensureCalendar(project);
        } catch (CalendarStoreException e) {
            fail("cannot prepare the calendar of " + project.identifier() + ": " + e.getMessage(), writeHint(e));
            return;
        }
        ok("calendar for " + project.identifier() + (existing.isPresent() ? " is ready: "
                : " can be created (it is removed again after this check): ") + calendar);
        try {
            CalendarEvent probe = probeEvent();
            store.create(calendar, probe);
            StoredEvent stored = store.findEvent(calendar, probe.identity()).orElseThrow(() ->
                    new CalendarStoreException(CalendarStoreException.Reason.PROTOCOL,
                            "the probe event was accepted but cannot be read back"));
            store.delete(calendar, stored.identity(), stored.version());
            ok("write access: a probe event was created, read back and deleted");
        } catch (CalendarStoreException e) {
            fail("write check failed: " + e.getMessage(), writeHint(e));
        } finally {
            if (existing.isEmpty()) {
                removeProbeCalendar(store, calendar);
            }
        }
    }

    private void removeProbeCalendar(CalDavCalendarStore store, CalendarId calendar) {
        try {
            store.deleteEmptyCalendar(calendar);
        } catch (CalendarStoreException e) {
            warn("the calendar created for this check could not be removed: " + e.getMessage(),
                    "delete it in your calendar app, or leave it: the first sync uses it");
        }
    }

    private CalendarEvent probeEvent() {
        LocalDate today = LocalDate.ofInstant(parent.clock().instant(), ZoneOffset.UTC);
        String uid = EventIdentity.uidForIssue("diagnose-probe-" + UUID.randomUUID());
        return new CalendarEvent(uid, "CalPlaneBot write check (safe to delete)",
                "Created and deleted by 'calplanebot diagnose'.", today, today.plusDays(1), EventStatus.CONFIRMED,
                List.of(), Optional.empty(), "https://calplanebot.invalid/diagnose");
    }

    /** What to fix when a workspace-wide request failed: the address, the key or the workspace slug. */
    private static String workspaceHint(IssueSourceException e) {
        switch (e.reason()) {
            case ACCESS_DENIED:
                return "check PLANE_WORKSPACE_SLUG: it is the first path segment of your Plane web addresses "
                        + "(https://<plane>/<slug>/projects/...), and the token's user must be a member of that "
                        + "workspace";
            case NOT_FOUND:
                return "check PLANE_BASE_URL (the origin of your Plane) and PLANE_WORKSPACE_SLUG";
            default:
                return planeHint(e);
        }
    }

    /** What to fix when one project's issues could not be read. */
    private static String projectHint(IssueSourceException e) {
        switch (e.reason()) {
            case ACCESS_DENIED:
                return "the token's user must be a member of the project; add them in the project's settings, or "
                        + "leave the project out of PLANE_PROJECTS";
            case NOT_FOUND:
                return "the project was deleted or archived while this ran; run diagnose again";
            default:
                return planeHint(e);
        }
    }

    private static String planeHint(IssueSourceException e) {
        switch (e.reason()) {
            case AUTHENTICATION:
                return "check PLANE_API_TOKEN (Plane: Profile settings > Personal access tokens)";
            case RATE_LIMITED:
                return "Plane kept answering 429; lower PLANE_RATE_LIMIT_PER_MINUTE or try again in a minute";
            case UNREACHABLE:
                return "check PLANE_BASE_URL and that Plane can be reached from this machine";
            default:
                return "check PLANE_BASE_URL: it must be the origin of your Plane instance";
        }
    }

    /** What to fix when the configured CalDAV URL could not be used to find the calendars. */
    private static String locationHint(CalendarStoreException e) {
        if (e.reason() == CalendarStoreException.Reason.FORBIDDEN) {
            return "CALDAV_URL leads to a place this account may not read (another user's calendars?): use the "
                    + "server root, your own principal or your own calendar home";
        }
        return calDavHint(e);
    }

    /** What to fix when a calendar or event could not be written. */
    private static String writeHint(CalendarStoreException e) {
        if (e.reason() == CalendarStoreException.Reason.FORBIDDEN) {
            return "the account may read but not create calendars or events there; give it write access, or set "
                    + "CALDAV_URL to a calendar home or calendar it owns";
        }
        return calDavHint(e);
    }

    private static String calDavHint(CalendarStoreException e) {
        switch (e.reason()) {
            case AUTHENTICATION:
                return "check CALDAV_USERNAME, CALDAV_PASSWORD and CALDAV_AUTH_TYPE (basic or digest)";
            case UNREACHABLE:
                return "check CALDAV_URL and that the server can be reached from this machine";
            case NOT_FOUND:
                return "check CALDAV_URL: paste the server root, your principal, calendar home or one calendar URL";
            default:
                return "the server refused a request; see the message above and docs/caldav-servers.md";
        }
    }

    private void ok(String text) {
        out.println("  [ok]   " + text);
    }

    private void warn(String text, String hint) {
        out.println("  [warn] " + text);
        out.println("         -> " + hint);
    }

    private void fail(String text, String hint) {
        failures++;
        out.println("  [FAIL] " + text);
        out.println("         -> " + hint);
    }
}
