package io.calplanebot.app.cli;

import io.calplanebot.app.config.AppConfig;
import io.calplanebot.app.wiring.Adapters;
import io.calplanebot.app.wiring.Wiring;
import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.EventIdentity;
import io.calplanebot.core.domain.EventStatus;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.core.port.out.CalendarStore;
import io.calplanebot.core.port.out.CalendarStoreException;
import io.calplanebot.core.port.out.IssueListing;
import io.calplanebot.core.port.out.IssueSource;
import io.calplanebot.core.port.out.IssueSourceException;
import io.calplanebot.core.port.out.SyncListener;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Checks the configuration, Plane access per project, CalDAV discovery and authentication, and write access with a
 * probe event that it creates and deletes; says what to fix.
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

        Wiring wiring = new Wiring(config, parent.clock(), SyncListener.NONE, new SimpleMeterRegistry());
        out.println();
        out.println("Plane (" + config.plane().baseUrl() + ", workspace " + config.plane().workspaceSlug() + ")");
        List<Project> projects = checkPlane(wiring.engine().runtime().issues());
        if (config.calDav().isPresent()) {
            out.println();
            out.println("CalDAV (" + config.calDav().get().url() + ", user " + config.calDav().get().username() + ", "
                    + config.calDav().get().authType().name().toLowerCase(java.util.Locale.ROOT) + ")");
            checkCalDav(wiring.engine().runtime().target(Adapters.CALDAV).orElseThrow().store(), projects);
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
            fail(e.getMessage(), planeHint(e));
            return List.of();
        }
        List<Project> projects;
        try {
            projects = source.listProjects();
        } catch (IssueSourceException e) {
            fail("cannot list projects: " + e.getMessage(), planeHint(e));
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
                fail(project.identifier() + ": " + e.getMessage(), planeHint(e));
            }
        }
        return projects;
    }

    private void checkCalDav(CalendarStore store, List<Project> projects) {
        try {
            store.checkConnection();
            ok("server found and credentials accepted");
        } catch (CalendarStoreException e) {
            fail(e.getMessage(), calDavHint(e));
            return;
        }
        if (projects.isEmpty()) {
            warn("write access not checked", "it needs a Plane project to pick the calendar");
            return;
        }
        Project project = projects.get(0);
        CalendarEvent probe = probeEvent();
        try {
            CalendarId calendar = store.ensureCalendar(project);
            ok("calendar for " + project.identifier() + " is ready: " + calendar);
            store.create(calendar, probe);
            StoredEvent stored = store.findEvent(calendar, probe.identity()).orElseThrow(() ->
                    new CalendarStoreException(CalendarStoreException.Reason.PROTOCOL,
                            "the probe event was accepted but cannot be read back"));
            store.delete(calendar, stored.identity(), stored.version());
            ok("write access: a probe event was created, read back and deleted");
        } catch (CalendarStoreException e) {
            fail("write check failed: " + e.getMessage(), calDavHint(e));
        }
    }

    private CalendarEvent probeEvent() {
        LocalDate today = LocalDate.ofInstant(parent.clock().instant(), ZoneOffset.UTC);
        String uid = EventIdentity.uidForIssue("diagnose-probe-" + UUID.randomUUID());
        return new CalendarEvent(uid, "CalPlaneBot write check (safe to delete)",
                "Created and deleted by 'calplanebot diagnose'.", today, today.plusDays(1), EventStatus.CONFIRMED,
                List.of(), Optional.empty(), "https://calplanebot.invalid/diagnose");
    }

    private static String planeHint(IssueSourceException e) {
        switch (e.reason()) {
            case AUTHENTICATION:
                return "check PLANE_API_TOKEN (Plane: Profile settings > Personal access tokens)";
            case ACCESS_DENIED:
                return "the token's user must be a member of the project; add them in the project's settings";
            case NOT_FOUND:
                return "check PLANE_WORKSPACE_SLUG and PLANE_BASE_URL";
            case RATE_LIMITED:
                return "Plane kept answering 429; lower PLANE_RATE_LIMIT_PER_MINUTE or try again in a minute";
            case UNREACHABLE:
                return "check PLANE_BASE_URL and that Plane can be reached from this machine";
            default:
                return "check PLANE_BASE_URL: it must be the origin of your Plane instance";
        }
    }

    private static String calDavHint(CalendarStoreException e) {
        switch (e.reason()) {
            case AUTHENTICATION:
                return "check CALDAV_USERNAME, CALDAV_PASSWORD and CALDAV_AUTH_TYPE (basic or digest)";
            case FORBIDDEN:
                return "the account may not create calendars or events there; use an account that owns the calendars";
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
