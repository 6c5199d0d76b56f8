package io.calplanebot.app.wiring;

import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.port.out.IssueListing;
import io.calplanebot.core.port.out.IssueSource;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An issue source whose target can be replaced while the service runs (a reloaded configuration). */
final class SwappableIssueSource implements IssueSource {
    private volatile IssueSource target;

    SwappableIssueSource(IssueSource target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    /** Points at {@code next} from now on and closes the previous target when it holds resources. */
    void swap(IssueSource next) {
        IssueSource previous = target;
        target = Objects.requireNonNull(next, "next");
        Closing.quietly(previous);
    }

    @Override
    public List<Project> listProjects() {
        return target.listProjects();
    }

    @Override
    public IssueListing listIssues(Project project) {
        return target.listIssues(project);
    }

    @Override
    public Optional<Issue> findIssue(String projectId, String issueId) {
        return target.findIssue(projectId, issueId);
    }

    @Override
    public Optional<Project> findProject(String projectId) {
        return target.findProject(projectId);
    }

    @Override
    public void checkConnection() {
        target.checkConnection();
    }
}
