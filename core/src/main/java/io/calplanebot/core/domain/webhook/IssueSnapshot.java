package io.calplanebot.core.domain.webhook;

import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.Project;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An issue as the signed body of a delivery described it, complete enough to be applied without reading it again:
 * everything but the project's name and identifier, which the body does not carry. The snapshot is as of
 * {@link #updatedAt()}; it may also say that the issue has no event (archived, deleted, a draft or in triage).
 */
public final class IssueSnapshot {
    private final String projectId;
    private final Instant updatedAt;
    private final Optional<Issue> issue;

    private IssueSnapshot(String projectId, Instant updatedAt, Optional<Issue> issue) {
        this.projectId = Objects.requireNonNull(projectId, "project id");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updated at");
        this.issue = issue;
    }

    /**
     * @param issue the issue read from the body; its project carries only the id (the body has no name), and it is
     *              replaced by the known project in {@link #in(Project)}
     */
    public static IssueSnapshot of(Issue issue) {
        Objects.requireNonNull(issue, "issue");
        Instant at = issue.updatedAt().orElseThrow(
                () -> new IllegalArgumentException("a snapshot needs the issue's updated_at"));
        return new IssueSnapshot(issue.project().id(), at, Optional.of(issue));
    }

    /** The body says the issue is one without an event (archived, deleted, a draft, in triage). */
    public static IssueSnapshot withoutEvent(String projectId, Instant updatedAt) {
        return new IssueSnapshot(projectId, updatedAt, Optional.empty());
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String projectId() {
        return projectId;
    }

    /** Whether the issue is one to mirror at all. */
    public boolean mirrored() {
        return issue.isPresent();
    }

    /**
     * The issue, in the project as known (name and identifier); empty when it is not one to mirror.
     *
     * @throws IllegalArgumentException when {@code project} is another project than the body named
     */
    public Optional<Issue> in(Project project) {
        if (!project.id().equals(projectId)) {
            throw new IllegalArgumentException("the snapshot belongs to project " + projectId + ", not "
                    + project.id());
        }
        return issue.map(i -> new Issue(i.id(), i.sequenceId(), i.name(), i.description(), i.state(), i.priority(),
                i.labels(), i.assignees(), project, i.startDate(), i.targetDate(), i.updatedAt()));
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof IssueSnapshot)) {
            return false;
        }
        IssueSnapshot that = (IssueSnapshot) other;
        return projectId.equals(that.projectId) && updatedAt.equals(that.updatedAt) && issue.equals(that.issue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(projectId, updatedAt, issue);
    }

    @Override
    public String toString() {
        return "IssueSnapshot[" + issue.map(i -> "issue " + i.id()).orElse("no event") + " of project " + projectId
                + " as of " + updatedAt + "]";
    }
}
