package io.calplanebot.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Plane issue (work item) as the sync needs it.
 *
 * @param description plain text, already converted from Plane's HTML; empty when there is none
 * @param labels      label names
 * @param assignees   the assignees
 * @param updatedAt   Plane's {@code updated_at}, when known
 */
public record Issue(
        String id,
        int sequenceId,
        String name,
        String description,
        IssueState state,
        Priority priority,
        List<String> labels,
        List<Person> assignees,
        Project project,
        Optional<LocalDate> startDate,
        Optional<LocalDate> targetDate,
        Optional<Instant> updatedAt) {

    public Issue {
        id = Text.requireNonBlank(id, "issue id");
        if (sequenceId < 0) {
            throw new IllegalArgumentException("sequence id must not be negative: " + sequenceId);
        }
        name = Objects.requireNonNull(name, "issue name");
        description = description == null ? "" : description;
        Objects.requireNonNull(state, "issue state");
        Objects.requireNonNull(priority, "issue priority");
        labels = List.copyOf(labels);
        assignees = List.copyOf(assignees);
        Objects.requireNonNull(project, "issue project");
        Objects.requireNonNull(startDate, "start date");
        Objects.requireNonNull(targetDate, "target date");
        Objects.requireNonNull(updatedAt, "updated at");
    }

    /** The assignees' display names, in order. */
    public List<String> assigneeNames() {
        List<String> names = new ArrayList<>();
        for (Person person : assignees) {
            names.add(person.displayName());
        }
        return names;
    }

    /** The human key, e.g. {@code MOB-14}. */
    public String key() {
        return project.identifier() + "-" + sequenceId;
    }
}
