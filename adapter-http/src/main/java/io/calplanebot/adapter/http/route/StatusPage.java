package io.calplanebot.adapter.http.route;

import io.calplanebot.adapter.http.ServiceInfo;
import io.calplanebot.adapter.http.support.Timestamps;
import io.calplanebot.core.port.in.ConnectionState;
import io.calplanebot.core.port.in.HealthReport;
import io.calplanebot.core.port.in.PeerHealth;
import io.calplanebot.core.port.in.ProjectResult;
import io.calplanebot.core.port.in.SyncCounts;
import io.calplanebot.core.port.in.SyncReport;
import io.calplanebot.core.port.in.SyncStatus;
import io.calplanebot.core.port.in.TargetReport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.calplanebot.adapter.http.support.Html.text;

/**
 * The status page for people ({@code GET /} from a browser): projects of the last sync, targets and their
 * connection, last and next sync, recent errors in words, feed names, links to the docs and metrics. One
 * self-contained document: no external assets and no script, a little inline CSS, a refresh every
 * {@value #REFRESH_SECONDS} seconds, every value escaped.
 */
final class StatusPage {
    static final int REFRESH_SECONDS = 15;
    static final int MAX_ERRORS = 10;
    private static final String STYLE = "body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;"
            + "padding:0 1rem;color:#1f2328}h1{font-size:1.5rem}h2{font-size:1.1rem;margin-top:1.8rem}"
            + "table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .6rem;"
            + "border-bottom:1px solid #d0d7de}.healthy,.success,.idle{color:#1a7f37}.unhealthy,.failed,.error{"
            + "color:#cf222e}.unknown,.partial,.running{color:#9a6700}.muted{color:#656d76}"
            + "nav a{margin-right:1rem}";

    private final ServiceInfo service;

    StatusPage(ServiceInfo service) {
        this.service = service;
    }

    /** The page for what the use cases reported; {@code status} is empty when it could not be read. */
    String render(Optional<SyncStatus> status, Optional<HealthReport> health, List<String> feedNames, Instant now,
                  Duration uptime) {
        StringBuilder out = new StringBuilder(8192);
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta http-equiv=\"refresh\" content=\"").append(REFRESH_SECONDS).append("\">")
                .append("<title>").append(text(service.name())).append(" status</title>")
                .append("<style>").append(STYLE).append("</style></head><body>\n");
        out.append("<h1>").append(text(service.name())).append(" <span class=\"muted\">")
                .append(text(service.version())).append("</span></h1>\n");
        out.append("<p>").append(text(service.description())).append("<br>Running for ")
                .append(text(Timestamps.uptime(uptime))).append(".</p>\n");
        out.append("<nav><a href=\"/docs\">API docs</a><a href=\"/metrics\">Metrics</a>")
                .append("<a href=\"/api/v1/health\">Health (JSON)</a></nav>\n");
        sync(out, status, health, now);
        targets(out, status.flatMap(SyncStatus::lastRun), health);
        projects(out, status.flatMap(SyncStatus::lastRun));
        feeds(out, feedNames);
        errors(out, status);
        out.append("<p class=\"muted\">This page refreshes every ").append(REFRESH_SECONDS)
                .append(" seconds. Generated ").append(Timestamps.iso(now)).append(".</p>\n</body></html>\n");
        return out.toString();
    }

    private static void sync(StringBuilder out, Optional<SyncStatus> status, Optional<HealthReport> health,
                             Instant now) {
        out.append("<h2>Sync</h2>\n<table id=\"sync\">");
        String state = status.map(s -> s.state().wireName()).orElse("unknown");
        row(out, "State", "<span id=\"sync-state\" class=\"" + text(state) + "\">" + text(state) + "</span>");
        Optional<Instant> last = health.flatMap(HealthReport::lastSync)
                .or(() -> status.flatMap(SyncStatus::lastRun).map(r -> r.startedAt().plus(r.duration())));
        String lastResult = status.flatMap(SyncStatus::lastRun)
                .map(r -> " <span class=\"" + text(r.result().wireName()) + "\">" + text(r.result().wireName())
                        + "</span>").orElse("");
        row(out, "Last sync", "<span id=\"last-sync\">" + last.map(t -> when(t, now)).orElse("not yet") + "</span>"
                + lastResult);
        row(out, "Next sync", "<span id=\"next-sync\">" + status.flatMap(SyncStatus::nextRun)
                .map(t -> when(t, now)).orElse("not scheduled (webhooks and the manual trigger still work)")
                + "</span>");
        status.flatMap(SyncStatus::lastRun).ifPresent(r -> {
            SyncCounts c = r.counts();
            row(out, "Last sync's events", c.created() + " created, " + c.updated() + " updated, " + c.deleted()
                    + " deleted, " + c.unchanged() + " unchanged" + (c.failed() > 0 ? ", " + c.failed() + " failed"
                    : ""));
        });
        status.ifPresent(s -> row(out, "Webhook changes waiting", Integer.toString(s.queueLength())));
        health.ifPresent(h -> row(out, "Plane", state(h.issueSourceConnection())));
        out.append("</table>\n");
    }

    private static void targets(StringBuilder out, Optional<SyncReport> lastRun, Optional<HealthReport> health) {
        out.append("<h2>Calendar targets</h2>\n");
        Map<String, PeerHealth> connections = health.map(HealthReport::targets).orElse(Map.of());
        if (connections.isEmpty()) {
            out.append("<p class=\"muted\">No target has reported yet.</p>\n");
            return;
        }
        out.append("<table id=\"targets\"><tr><th>Target</th><th>Connection</th><th>Last sync</th></tr>");
        connections.forEach((name, connection) -> {
            String result = lastRun.flatMap(r -> r.targets().stream().filter(t -> t.target().equals(name))
                            .findFirst()).map(TargetReport::result)
                    .map(r -> "<span class=\"" + text(r.wireName()) + "\">" + text(r.wireName()) + "</span>")
                    .orElse("<span class=\"muted\">not yet</span>");
            out.append("<tr><td>").append(text(name)).append("</td><td>").append(state(connection.state()))
                    .append("</td><td>").append(result).append("</td></tr>");
        });
        out.append("</table>\n");
    }

    private static void projects(StringBuilder out, Optional<SyncReport> lastRun) {
        out.append("<h2>Projects</h2>\n");
        List<ProjectResult> projects = lastRun.map(SyncReport::projects).orElse(List.of());
        if (projects.isEmpty()) {
            out.append("<p class=\"muted\">No project synced yet.</p>\n");
            return;
        }
        out.append("<table id=\"projects\"><tr><th>Project</th><th>Name</th><th>Calendar</th>")
                .append("<th>Issues with a due date</th><th>State</th></tr>");
        for (ProjectResult p : projects) {
            String state = p.error().map(e -> "<span class=\"failed\">" + text(e) + "</span>")
                    .orElse(p.listingComplete() ? "<span class=\"success\">ok</span>"
                            : "<span class=\"partial\">not every issue could be read</span>");
            out.append("<tr><td>").append(text(p.identifier())).append("</td><td>").append(text(p.name()))
                    .append("</td><td>").append(text(p.calendar())).append("</td><td>").append(p.datedIssues())
                    .append(" of ").append(p.issues()).append("</td><td>").append(state).append("</td></tr>");
        }
        out.append("</table>\n");
    }

    private static void feeds(StringBuilder out, List<String> feedNames) {
        out.append("<h2>Feeds</h2>\n");
        if (feedNames.isEmpty()) {
            out.append("<p class=\"muted\">No subscribable feed yet.</p>\n");
            return;
        }
        out.append("<ul id=\"feeds\">");
        feedNames.forEach(name -> out.append("<li>").append(text(name)).append("</li>"));
        out.append("</ul>\n");
    }

    private static void errors(StringBuilder out, Optional<SyncStatus> status) {
        out.append("<h2>Recent errors</h2>\n");
        List<String> errors = new ArrayList<>();
        if (status.isEmpty()) {
            errors.add("The sync status could not be read; see the service's log.");
        }
        status.flatMap(SyncStatus::lastRun).ifPresent(r -> errors.addAll(r.errors()));
        if (errors.isEmpty()) {
            out.append("<p id=\"errors\" class=\"success\">None in the last sync.</p>\n");
            return;
        }
        out.append("<ul id=\"errors\">");
        errors.stream().distinct().limit(MAX_ERRORS)
                .forEach(e -> out.append("<li class=\"error\">").append(text(e)).append("</li>"));
        out.append("</ul>\n");
    }

    private static void row(StringBuilder out, String label, String html) {
        out.append("<tr><th>").append(text(label)).append("</th><td>").append(html).append("</td></tr>");
    }

    private static String state(ConnectionState state) {
        return "<span class=\"" + state.wireName() + "\">" + state.wireName() + "</span>";
    }

    /** {@code 2025-12-27T10:25:00Z (5 min ago)} or {@code … (in 5 min)}. */
    private static String when(Instant instant, Instant now) {
        Duration span = Duration.between(instant, now);
        String relative = span.isNegative() ? "in " + words(span.negated()) : words(span) + " ago";
        return text(Timestamps.iso(instant)) + " <span class=\"muted\">(" + relative + ")</span>";
    }

    private static String words(Duration span) {
        long seconds = span.getSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
