package io.calplanebot.core.testing;

import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.Person;
import io.calplanebot.core.domain.IssueState;
import io.calplanebot.core.domain.Priority;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.domain.StateGroup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Fixture builder: {@code Issues.anIssue().withName("Fix login").due(2026, 12, 24).build()}; an issue changed in one
 * field is {@code Issues.from(issue).withName("Fix logout").build()}.
 */
public final class Issues {
    public static final Project PROJECT = new Project("11111111-1111-4111-8111-111111111111", "MOB", "Mobile App");

    private String id = UUID.randomUUID().toString();
    private int sequenceId = 1;
    private String name = "An issue";
    private String description = "";
    private IssueState state = new IssueState("Todo", StateGroup.UNSTARTED);
    private Priority priority = Priority.NONE;
    private List<String> labels = List.of();
    private List<Person> assignees = List.of();
    private Project project = PROJECT;
    private LocalDate startDate;
    private LocalDate targetDate = LocalDate.of(2026, 12, 24);
    private Instant updatedAt = Instant.parse("2026-11-01T10:00:00Z");

    private Issues() {
    }

    public static Issues anIssue() {
        return new Issues();
    }

    /** A builder holding every field of {@code issue}, so that a test can change one and build the changed issue. */
    public static Issues from(Issue issue) {
        Issues builder = new Issues();
        builder.id = issue.id();
        builder.sequenceId = issue.sequenceId();
        builder.name = issue.name();
        builder.description = issue.description();
        builder.state = issue.state();
        builder.priority = issue.priority();
        builder.labels = issue.labels();
        builder.assignees = issue.assignees();
        builder.project = issue.project();
        builder.startDate = issue.startDate().orElse(null);
        builder.targetDate = issue.targetDate().orElse(null);
        builder.updatedAt = issue.updatedAt().orElse(null);
        return builder;
    }

    public Issues withId(String value) {
        this.id = value;
        return this;
    }

    public Issues withSequenceId(int value) {
        this.sequenceId = value;
        return this;
    }

    public Issues withName(String value) {
        this.name = value;
        return this;
    }

    public Issues withDescription(String value) {
        this.description = value;
        return this;
    }

    public Issues withState(String stateName, StateGroup group) {
        return withState(new IssueState(stateName, group));
    }

    public Issues withState(IssueState value) {
        this.state = value;
        return this;
    }

    public Issues withPriority(Priority value) {
        this.priority = value;
        return this;
    }

    public Issues withLabels(String... values) {
        return withLabels(List.of(values));
    }

    public Issues withLabels(List<String> values) {
        this.labels = List.copyOf(values);
        return this;
    }

    public Issues withAssignees(String... values) {
        List<Person> people = new java.util.ArrayList<>();
        for (String name : values) {
            people.add(person(name));
        }
        this.assignees = people;
        return this;
    }

    public Issues withAssignees(Person... values) {
        this.assignees = List.of(values);
        return this;
    }

    /** A person whose id and e-mail address follow from the name, e.g. {@code kenji@example.test}. */
    public static Person person(String displayName) {
        return new Person(java.util.UUID.nameUUIDFromBytes(displayName.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString(), displayName.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.test", displayName);
    }

    public Issues inProject(Project value) {
        this.project = value;
        return this;
    }

    public Issues startingOn(LocalDate value) {
        this.startDate = value;
        return this;
    }

    public Issues due(int year, int month, int day) {
        this.targetDate = LocalDate.of(year, month, day);
        return this;
    }

    public Issues due(LocalDate value) {
        this.targetDate = value;
        return this;
    }

    public Issues undated() {
        this.targetDate = null;
        return this;
    }

    public Issues updatedAt(Instant value) {
        this.updatedAt = value;
        return this;
    }

    public Issue build() {
        return new Issue(id, sequenceId, name, description, state, priority, labels, assignees, project,
                Optional.ofNullable(startDate), Optional.ofNullable(targetDate), Optional.ofNullable(updatedAt));
    }
}
