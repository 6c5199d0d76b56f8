package io.calplanebot.core.domain;

import java.util.List;
import java.util.Objects;

/**
 * What an event's issue was, for filtering published feeds (by project, state group, priority, assignee). Stored
 * beside an event by stores that can keep it (the built-in store); never compared when deciding whether an event
 * changed, because every change of these also changes the event's managed content (its description).
 */
public record IssueFacts(String projectId, String projectIdentifier, StateGroup stateGroup, Priority priority,
                         List<Person> assignees) {
    public IssueFacts {
        projectId = Text.requireNonBlank(projectId, "project id");
        projectIdentifier = Objects.requireNonNull(projectIdentifier, "project identifier");
        Objects.requireNonNull(stateGroup, "state group");
        Objects.requireNonNull(priority, "priority");
        assignees = List.copyOf(assignees);
    }

    public static IssueFacts of(Issue issue) {
        return new IssueFacts(issue.project().id(), issue.project().identifier(), issue.state().group(),
                issue.priority(), issue.assignees());
    }
}
