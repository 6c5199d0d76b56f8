package io.calplanebot.app.observe;

import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.port.out.IssueListing;
import io.calplanebot.core.port.out.IssueSource;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Times every call to Plane by operation and outcome ({@code calplanebot_plane_requests}). */
public final class MeteredIssueSource implements IssueSource {
    private final IssueSource delegate;
    private static final String NAME = "calplanebot_plane_requests";
    private static final String DESCRIPTION = "Calls to the Plane API by operation";

    private final MeterRegistry registry;

    public MeteredIssueSource(IssueSource delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
    }

    @Override
    public List<Project> listProjects() {
        return timed("list_projects", delegate::listProjects);
    }

    @Override
    public IssueListing listIssues(Project project) {
        return timed("list_issues", () -> delegate.listIssues(project));
    }

    @Override
    public Optional<Issue> findIssue(String projectId, String issueId) {
        return timed("get_issue", () -> delegate.findIssue(projectId, issueId));
    }

    @Override
    public Optional<Project> findProject(String projectId) {
        return timed("get_project", () -> delegate.findProject(projectId));
    }

    @Override
    public void checkConnection() {
        Timing.timed(registry, NAME, DESCRIPTION, "check", delegate::checkConnection);
    }

    private <T> T timed(String operation, Supplier<T> call) {
        return Timing.timed(registry, NAME, DESCRIPTION, operation, call);
    }
}
