package io.calplanebot.core.domain.webhook;

import io.calplanebot.core.domain.Text;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An issue was created or updated. The payload is only a hint: the change is applied from a fresh read of the
 * issue, guarded by {@code updatedAt} so that an older delivery never overwrites newer data.
 */
public record IssueChanged(ChangeAction change, String issueId, String projectId, Optional<Instant> updatedAt)
        implements WebhookNotification {

    public IssueChanged {
        Objects.requireNonNull(change, "change");
        if (change == ChangeAction.DELETED) {
            throw new IllegalArgumentException("a deletion is an IssueDeleted");
        }
        Text.requireNonBlank(issueId, "issue id");
        Text.requireNonBlank(projectId, "project id");
        Objects.requireNonNull(updatedAt, "updated at");
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
