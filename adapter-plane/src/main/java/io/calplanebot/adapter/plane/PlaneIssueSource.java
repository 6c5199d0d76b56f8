package io.calplanebot.adapter.plane;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calplanebot.support.http.RequestMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.calplanebot.adapter.plane.client.PagedItems;
import io.calplanebot.adapter.plane.client.PathEncoding;
import io.calplanebot.adapter.plane.client.PlaneClient;
import io.calplanebot.adapter.plane.client.PlaneNotFoundException;
import io.calplanebot.adapter.plane.client.PlanePager;
import io.calplanebot.adapter.plane.client.RequestPurpose;
import io.calplanebot.adapter.plane.client.RequestSubject;
import io.calplanebot.adapter.plane.json.AssigneeNames;
import io.calplanebot.adapter.plane.json.PlaneIssueReader;
import io.calplanebot.adapter.plane.json.PlaneProjectEntry;
import io.calplanebot.adapter.plane.json.PlaneProjectReader;
import io.calplanebot.adapter.plane.json.UnreadableItemException;
import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.port.out.IssueListing;
import io.calplanebot.core.port.out.IssueSource;
import io.calplanebot.core.port.out.IssueSourceException;
import io.calplanebot.core.port.out.IssueSourceException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Plane's v1 REST API as an {@link IssueSource}. Build it with {@link #builder()} from {@link PlaneSettings}; close it
 * to release its connections.
 *
 * <p>Projects are listed with {@code order_by=created_at}; archived projects, public projects the key's user is not a
 * member of (unless named in the filter) and projects left out by the filter are skipped. Issues are listed with
 * {@code expand=state,labels,assignees}, every page, de-duplicated by id. An item that cannot be read is logged and
 * makes the listing incomplete; a page that fails makes the listing fail.
 */
public final class PlaneIssueSource implements IssueSource, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlaneIssueSource.class);
    private static final String ISSUE_EXPAND = "state,labels,assignees";
    private static final int LISTING_ATTEMPTS = 3;
    private static final String LEGACY_ISSUES_ROUTE = "issues";
    private static final List<String> OPERATIONS = List.of("list_projects", "list_issues", "get_issue", "get_project",
            "check");

    private final PlaneSettings settings;
    private final PlaneClient client;
    private final PlanePager pager;
    private final String workspacePath;
    private final ProjectFilter filter;
    private final Map<String, Project> knownProjects = new ConcurrentHashMap<>();
    private final RequestMetrics metrics;
    private volatile String issuesRoute = "work-items";

    private PlaneIssueSource(PlaneSettings settings, RetryRegistry retries, MeterRegistry meters) {
        this.settings = settings;
        this.metrics = RequestMetrics.of(meters, "calplanebot_plane_requests", "Calls to the Plane API by operation",
                OPERATIONS, PlaneIssueSource::outcome);
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        this.client = new PlaneClient(settings, json, retries, PlaneBudgetMetrics.of(meters));
        this.pager = new PlanePager(client, settings.perPage());
        this.workspacePath = "workspaces/" + PathEncoding.segment(settings.workspaceSlug()) + "/";
        this.filter = new ProjectFilter(settings.projects());
    }

    public static Builder builder() {
        return new Builder();
    }

    public PlaneSettings settings() {
        return settings;
    }

    @Override
    public List<Project> listProjects() {
        return metrics.time("list_projects", this::readProjects);
    }

    private List<Project> readProjects() {
        List<JsonNode> items = pager.all(workspacePath + "projects/", Map.of("order_by", "created_at"),
                RequestSubject.workspace(settings.workspaceSlug()));
        Map<String, Project> mirrored = new LinkedHashMap<>();
        Set<String> matched = new LinkedHashSet<>();
        for (JsonNode item : items) {
            PlaneProjectEntry entry;
            try {
                entry = PlaneProjectReader.read(item);
            } catch (UnreadableItemException | IllegalArgumentException | NullPointerException e) {
                LOG.warn("Skipping a project Plane listed that cannot be read: {}", e.getMessage());
                continue;
            }
            Project project = entry.project();
            filter.matchedBy(project).ifPresent(matched::add);
            if (filter.mirrors(entry)) {
                mirrored.putIfAbsent(project.id(), project);
                knownProjects.put(project.id(), project);
            } else {
                LOG.debug("Not mirroring project {} (archived={}, member={}, filtered={})", project.identifier(),
                        entry.archived(), entry.member(), filter.leavesOut(project));
            }
        }
        for (String wanted : settings.projects()) {
            if (!matched.contains(wanted.toLowerCase(Locale.ROOT))) {
                LOG.warn("PLANE_PROJECTS names '{}', but workspace '{}' has no such project (identifier or id)",
                        wanted, settings.workspaceSlug());
            }
        }
        return List.copyOf(mirrored.values());
    }

    @Override
    public IssueListing listIssues(Project project) {
        return metrics.time("list_issues", () -> readIssues(project));
    }

    private IssueListing readIssues(Project project) {
        Objects.requireNonNull(project, "project");
        PagedItems pages = null;
        for (int attempt = 1; attempt <= LISTING_ATTEMPTS; attempt++) {
            pages = withLegacyRoute(() -> pager.pages(issuesPath(project.id()),
                    Map.of("expand", ISSUE_EXPAND, "order_by", "created_at"), projectSubject(project)));
            if (pages.stable()) {
                break;
            }
            LOG.info("Project {}: issues changed while their pages were read (attempt {} of {})",
                    project.identifier(), attempt, LISTING_ATTEMPTS);
        }
        boolean complete = pages.stable();
        if (!complete) {
            LOG.warn("Project {}: the issue listing kept changing while it was read; it is marked incomplete, so "
                    + "nothing will be deleted from this project's calendar this time", project.identifier());
        }
        List<JsonNode> items = pages.items();
        Map<String, String> users = AssigneeNames.of(items);
        Map<String, Issue> issues = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode item : items) {
            JsonNode id = item.get("id");
            if (id != null && id.isTextual() && !seen.add(id.asText())) {
                continue;
            }
            try {
                PlaneIssueReader.read(item, project, u -> Optional.ofNullable(users.get(u)))
                        .ifPresent(issue -> issues.put(issue.id(), issue));
            } catch (UnreadableItemException | IllegalArgumentException | NullPointerException e) {
                complete = false;
                LOG.warn("Project {}: an issue Plane listed cannot be read ({}); the listing is marked incomplete, so "
                        + "nothing will be deleted from this project's calendar", project.identifier(), e.getMessage());
            }
        }
        return new IssueListing(new ArrayList<>(issues.values()), complete);
    }

    @Override
    public Optional<Issue> findIssue(String projectId, String issueId) {
        return metrics.time("get_issue", () -> readIssue(projectId, issueId));
    }

    private Optional<Issue> readIssue(String projectId, String issueId) {
        Optional<Project> project = Optional.ofNullable(knownProjects.get(projectId));
        if (project.isEmpty()) {
            project = readProject(projectId);
        }
        if (project.isEmpty()) {
            return Optional.empty();
        }
        JsonNode item;
        try {
            Project known = project.get();
            item = withLegacyRoute(() -> client.get(issuesPath(projectId) + PathEncoding.segment(issueId) + "/",
                    Map.of("expand", ISSUE_EXPAND), projectSubject(known), RequestPurpose.WEBHOOK));
        } catch (IssueSourceException e) {
            if (e.reason() == Reason.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
        Map<String, String> users = AssigneeNames.of(List.of(item));
        try {
            return PlaneIssueReader.read(item, project.get(), u -> Optional.ofNullable(users.get(u)));
        } catch (UnreadableItemException | IllegalArgumentException | NullPointerException e) {
            throw new IssueSourceException(Reason.INVALID_RESPONSE, "Plane's answer for issue " + issueId
                    + " of project " + project.get().identifier() + " cannot be read: " + e.getMessage());
        }
    }

    @Override
    public Optional<Project> findProject(String projectId) {
        return metrics.time("get_project", () -> readProject(projectId));
    }

    private Optional<Project> readProject(String projectId) {
        JsonNode item;
        try {
            item = client.get(workspacePath + "projects/" + PathEncoding.segment(projectId) + "/", Map.of(),
                    RequestSubject.workspace(settings.workspaceSlug()), RequestPurpose.WEBHOOK);
        } catch (IssueSourceException e) {
            if (e.reason() == Reason.NOT_FOUND) {
                knownProjects.remove(projectId);
                return Optional.empty();
            }
            throw e;
        }
        PlaneProjectEntry entry;
        try {
            entry = PlaneProjectReader.read(item);
        } catch (UnreadableItemException | IllegalArgumentException | NullPointerException e) {
            throw new IssueSourceException(Reason.INVALID_RESPONSE, "Plane's answer for project " + projectId
                    + " cannot be read: " + e.getMessage());
        }
        if (!filter.mirrors(entry)) {
            knownProjects.remove(projectId);
            return Optional.empty();
        }
        knownProjects.put(entry.project().id(), entry.project());
        return Optional.of(entry.project());
    }

    /** Lists one project (per_page=1): proves the address, the key and the workspace membership in one request. */
    @Override
    public void checkConnection() {
        metrics.time("check", () -> client.get(workspacePath + "projects/", Map.of("per_page", "1"),
                RequestSubject.workspace(settings.workspaceSlug()), RequestPurpose.PROBE));
    }

    /** The same request, sent once, giving up after about {@code timeout}. */
    @Override
    public void checkConnection(Duration timeout) {
        metrics.time("check", () -> client.getOnce(workspacePath + "projects/", Map.of("per_page", "1"),
                RequestSubject.workspace(settings.workspaceSlug()), timeout));
    }

    @Override
    public void close() {
        client.close();
    }

    /** The outcome tag of a failed call: the port's reason in lower case. */
    private static String outcome(RuntimeException e) {
        return e instanceof IssueSourceException
                ? RequestMetrics.reasonOf(((IssueSourceException) e).reason()) : RequestMetrics.ERROR;
    }

    private String issuesPath(String projectId) {
        return workspacePath + "projects/" + PathEncoding.segment(projectId) + "/" + issuesRoute + "/";
    }

    /**
     * Runs a request on {@code work-items/}; when Plane has no such route (installs older than the rename), switches
     * to the old name {@code issues/} for good and runs it again.
     */
    private <T> T withLegacyRoute(Supplier<T> request) {
        try {
            return request.get();
        } catch (PlaneNotFoundException e) {
            if (!e.routeMissing() || issuesRoute.equals(LEGACY_ISSUES_ROUTE)) {
                throw e;
            }
            LOG.info("Plane has no work-items/ route; using the older issues/ route");
            issuesRoute = LEGACY_ISSUES_ROUTE;
            return request.get();
        }
    }

    private RequestSubject projectSubject(Project project) {
        return RequestSubject.project(settings.workspaceSlug(),
                "project " + project.identifier() + " (" + project.id() + ")");
    }

    /** Builds a {@link PlaneIssueSource}. */
    public static final class Builder {
        private PlaneSettings settings;
        private RetryRegistry retries = RetryRegistry.ofDefaults();
        private MeterRegistry meters;

        private Builder() {
        }

        /**
         * Registers the client's retry (named {@code plane-api}) in this registry, so that its calls can be published
         * as metrics. Remove a previous source's {@code plane-api} entry first: a registry hands back what it holds.
         */
        public Builder retryRegistry(RetryRegistry value) {
            this.retries = Objects.requireNonNull(value, "retry registry");
            return this;
        }

        /**
         * Times every call of the source in {@code calplanebot_plane_requests}, tagged with the operation and its
         * outcome ({@code ok} or the failure's reason in lower case). Without a registry nothing is recorded.
         */
        public Builder meterRegistry(MeterRegistry value) {
            this.meters = Objects.requireNonNull(value, "meter registry");
            return this;
        }

        public Builder settings(PlaneSettings value) {
            this.settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        public PlaneIssueSource build() {
            if (settings == null) {
                throw new IllegalStateException("PlaneIssueSource needs PlaneSettings");
            }
            return new PlaneIssueSource(settings, retries, meters);
        }
    }
}
