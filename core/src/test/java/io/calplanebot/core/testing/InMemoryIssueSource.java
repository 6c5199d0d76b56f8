package io.calplanebot.core.testing;

import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.port.out.IssueListing;
import io.calplanebot.core.port.out.IssueSource;
import io.calplanebot.core.port.out.IssueSourceException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An issue source held in memory, with switches to make listings fail or come back incomplete. */
public final class InMemoryIssueSource implements IssueSource {
    private final Map<String, Project> projects = new LinkedHashMap<>();
    private final Map<String, Issue> issues = new LinkedHashMap<>();
    private final Set<String> failingProjects = new HashSet<>();
    private final Set<String> incompleteProjects = new HashSet<>();
    private boolean down;
    private int listIssuesCalls;
    private int singleReads;

    public synchronized InMemoryIssueSource addProject(Project project) {
        projects.put(project.id(), project);
        return this;
    }

    public synchronized void removeProject(String projectId) {
        projects.remove(projectId);
    }

    /** Adds or replaces an issue (its project is added too). */
    public synchronized InMemoryIssueSource put(Issue issue) {
        projects.putIfAbsent(issue.project().id(), issue.project());
        issues.put(issue.id(), issue);
        return this;
    }

    public synchronized void remove(String issueId) {
        issues.remove(issueId);
    }

    public synchronized Optional<Issue> get(String issueId) {
        return Optional.ofNullable(issues.get(issueId));
    }

    public synchronized List<Issue> all() {
        return new ArrayList<>(issues.values());
    }

    /** Listing this project's issues throws, as when a page fails. */
    public synchronized void failListing(String projectId, boolean fail) {
        if (fail) {
            failingProjects.add(projectId);
        } else {
            failingProjects.remove(projectId);
        }
    }

    /** Listing this project's issues returns only half of them, flagged incomplete. */
    public synchronized void incompleteListing(String projectId, boolean incomplete) {
        if (incomplete) {
            incompleteProjects.add(projectId);
        } else {
            incompleteProjects.remove(projectId);
        }
    }

    /** Every call fails as if the server were unreachable. */
    public synchronized void setDown(boolean value) {
        down = value;
    }

    public synchronized int listIssuesCalls() {
        return listIssuesCalls;
    }

    /** How many times one issue or one project was read ({@link #findIssue}, {@link #findProject}). */
    public synchronized int singleReads() {
        return singleReads;
    }

    @Override
    public synchronized List<Project> listProjects() {
        checkUp();
        return new ArrayList<>(projects.values());
    }

    @Override
    public synchronized IssueListing listIssues(Project project) {
        checkUp();
        listIssuesCalls++;
        if (failingProjects.contains(project.id())) {
            throw new IssueSourceException(IssueSourceException.Reason.UNREACHABLE,
                    "listing of project " + project.identifier() + " failed on page 2");
        }
        List<Issue> result = new ArrayList<>();
        for (Issue issue : issues.values()) {
            if (issue.project().id().equals(project.id())) {
                result.add(issue);
            }
        }
        if (incompleteProjects.contains(project.id())) {
            return new IssueListing(result.subList(0, result.size() / 2), false);
        }
        return IssueListing.complete(result);
    }

    @Override
    public synchronized Optional<Issue> findIssue(String projectId, String issueId) {
        checkUp();
        singleReads++;
        Issue issue = issues.get(issueId);
        return issue != null && issue.project().id().equals(projectId) ? Optional.of(issue) : Optional.empty();
    }

    @Override
    public synchronized Optional<Project> findProject(String projectId) {
        checkUp();
        singleReads++;
        return Optional.ofNullable(projects.get(projectId));
    }

    @Override
    public synchronized void checkConnection() {
        checkUp();
    }

    private void checkUp() {
        if (down) {
            throw new IssueSourceException(IssueSourceException.Reason.UNREACHABLE, "issue source is down");
        }
    }
}
