package io.calplanebot.core.domain.webhook;

import io.calplanebot.core.domain.Text;

import java.util.Objects;
import java.util.Optional;

/** An issue was deleted; the delivery may carry nothing but the issue id. */
public record IssueDeleted(String issueId, Optional<String> projectId) implements WebhookNotification {

    public IssueDeleted {
        Text.requireNonBlank(issueId, "issue id");
        Objects.requireNonNull(projectId, "project id");
    }

    @Override
    public String event() {
        return "issue";
    }

    @Override
    public String action() {
        return ChangeAction.DELETED.wireName();
    }
}
