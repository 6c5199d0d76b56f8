package io.calplanebot.core.domain.webhook;

import io.calplanebot.core.domain.Text;

import java.util.Objects;

/** A project was created, updated (possibly renamed) or deleted. */
public record ProjectChanged(ChangeAction change, String projectId) implements WebhookNotification {

    public ProjectChanged {
        Objects.requireNonNull(change, "change");
        Text.requireNonBlank(projectId, "project id");
    }

    @Override
    public String event() {
        return "project";
    }

    @Override
    public String action() {
        return change.wireName();
    }
}
