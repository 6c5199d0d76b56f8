package io.calplanebot.core.sync;

import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.port.out.IssueListing;
import io.calplanebot.core.port.out.IssueSource;

import java.util.List;
import java.util.Optional;

/** An issue source that runs a test's hook before each listing or read, for races, clocks and unexpected failures. */
final class ScriptedIssueSource implements IssueSource {
    private final IssueSource delegate;
    private volatile Runnable beforeListProjects = () -> { };
    private volatile Runnable beforeListIssues = () -> { };
    private volatile Runnable beforeFindIssue = () -> { };

    ScriptedIssueSource(IssueSource delegate) {
        this.delegate = delegate;
    }

    ScriptedIssueSource beforeListProjects(Runnable hook) {
        this.beforeListProjects = hook;
        return this;
    }

    ScriptedIssueSource beforeFindIssue(Runnable hook) {
        this.beforeFindIssue = hook;
        return this;
    }

    ScriptedIssueSource beforeListIssues(Runnable hook) {
        this.beforeListIssues = hook;
        return this;
    }

    @Override
    public List<Project> listProjects() {
        beforeListProjects.run();
        return delegate.listProjects();
    }

    @Override
    public IssueListing listIssues(Project project) {
        beforeListIssues.run();
        return delegate.listIssues(project);
    }

    @Override
    public Optional<Issue> findIssue(String projectId, String issueId) {
        beforeFindIssue.run();
        return delegate.findIssue(projectId, issueId);
    }

    @Override
    public Optional<Project> findProject(String projectId) {
        return delegate.findProject(projectId);
    }

    @Override
    public void checkConnection() {
        delegate.checkConnection();
    }
}
