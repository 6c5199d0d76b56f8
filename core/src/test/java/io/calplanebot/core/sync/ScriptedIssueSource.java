package io.calplanebot.core.sync;

import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.port.out.IssueListing;
import io.calplanebot.core.port.out.IssueSource;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** An issue source that runs a test's hook before each listing or read, for races, clocks and unexpected failures. */
final class ScriptedIssueSource implements IssueSource {
    private final IssueSource delegate;
    private volatile Runnable beforeListProjects = () -> { };
    private volatile Runnable beforeListIssues = () -> { };
    private volatile Runnable afterListIssues = () -> { };
    private volatile Runnable beforeFindIssue = () -> { };
    private volatile Runnable beforeProbe = () -> { };
    private final List<Duration> probes = new CopyOnWriteArrayList<>();
    private volatile int retryingChecks;

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

    ScriptedIssueSource beforeProbe(Runnable hook) {
        this.beforeProbe = hook;
        return this;
    }

    /** The timeouts of the one-attempt checks made so far, in order. */
    List<Duration> probes() {
        return List.copyOf(probes);
    }

    /** How often the retrying {@link #checkConnection()} was called. */
    int retryingChecks() {
        return retryingChecks;
    }

    ScriptedIssueSource beforeListIssues(Runnable hook) {
        this.beforeListIssues = hook;
        return this;
    }

    /** Runs {@code hook} once a project's issues were listed, before the listing is returned. */
    ScriptedIssueSource afterListIssues(Runnable hook) {
        this.afterListIssues = hook;
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
        IssueListing listing = delegate.listIssues(project);
        afterListIssues.run();
        return listing;
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
        retryingChecks++;
        delegate.checkConnection();
    }

    @Override
    public void checkConnection(Duration timeout) {
        probes.add(timeout);
        beforeProbe.run();
        delegate.checkConnection(timeout);
    }
}
