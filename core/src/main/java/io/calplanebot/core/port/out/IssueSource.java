package io.calplanebot.core.port.out;

import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.Project;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where issues come from (Plane). Every method either answers completely or throws an
 * {@link IssueSourceException}: a listing is never silently shortened.
 */
public interface IssueSource {

    /** The projects to mirror, in a stable order, with the source's own configured filter already applied. */
    List<Project> listProjects();

    /** All current issues of a project (every page), or a failure. */
    IssueListing listIssues(Project project);

    /** One issue; empty when the source says it does not exist (deleted, archived, in triage). */
    Optional<Issue> findIssue(String projectId, String issueId);

    /** One project; empty when it does not exist or is archived. */
    Optional<Project> findProject(String projectId);

    /** A cheap authenticated request that proves the source is reachable; throws when it is not. */
    void checkConnection();

    /**
     * The same check as one attempt without retries that gives up after about {@code timeout}: what the background
     * health probe calls. The default runs {@link #checkConnection()}, which suits a source whose check is already
     * one quick attempt; a source that retries must override it.
     */
    default void checkConnection(Duration timeout) {
        checkConnection();
    }
}
