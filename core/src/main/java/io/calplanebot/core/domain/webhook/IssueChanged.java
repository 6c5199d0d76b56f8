package io.calplanebot.core.domain.webhook;

import io.calplanebot.core.domain.Text;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An issue was created or updated. When the delivery was signed and its body complete, {@code reported} holds the
 * issue as the body describes it and the change is applied from it; otherwise the payload is only a hint and the
 * issue is read fresh. Either way {@code updatedAt} guards the order, so an older delivery never overwrites newer data.
 */
public record IssueChanged(ChangeAction change, String issueId, String projectId, Optional<Instant> updatedAt,
                           Optional<IssueSnapshot> reported)
        implements WebhookNotification {

    public IssueChanged {
        Objects.requireNonNull(change, "change");
        if (change == ChangeAction.DELETED) {
            throw new IllegalArgumentException("a deletion is an IssueDeleted");
        }
        Text.requireNonBlank(issueId, "issue id");
        Text.requireNonBlank(projectId, "project id");
        Objects.requireNonNull(updatedAt, "updated at");
        Objects.requireNonNull(reported, "reported");
        if (reported.isPresent() && !reported.get().updatedAt().equals(updatedAt.orElse(null))) {
            throw new IllegalArgumentException("the snapshot's updated_at must be the delivery's");
        }
        if (reported.isPresent() && !reported.get().projectId().equals(projectId)) {
            throw new IllegalArgumentException("the snapshot's project must be the delivery's");
        }
    }

    /** A change to apply from a fresh read of the issue (the body is only a hint). */
    public IssueChanged(ChangeAction change, String issueId, String projectId, Optional<Instant> updatedAt) {
        this(change, issueId, projectId, updatedAt, Optional.empty());
    }

    /** A change to apply from the delivery's own body. */
    public static IssueChanged reported(ChangeAction change, String issueId, IssueSnapshot snapshot) {
        return new IssueChanged(change, issueId, snapshot.projectId(), Optional.of(snapshot.updatedAt()),
                Optional.of(snapshot));
    }

    @Override
    public String event() {
        return "issue";
    }

    @Override
    public String action() {
        return change.wireName();
    }
}
