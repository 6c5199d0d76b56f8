package io.calplanebot.core.domain.feed;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.EventStatus;
import io.calplanebot.core.domain.IssueFacts;
import io.calplanebot.core.domain.Priority;
import io.calplanebot.core.domain.StateGroup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which events a feed shows. Inside one dimension any value matches (two labels: either label); across
 * dimensions all must match (a label and an assignee: both). An empty dimension matches everything. An event
 * without issue facts passes only the filters that need none: labels (read from its categories) and the
 * completed mode (read from its status).
 *
 * @param projects    project identifiers (e.g. {@code MOB}, any case) or project ids
 * @param assignees   Plane user ids, e-mail addresses or display names ({@code Person.isNamedBy})
 * @param labels      label names (any case)
 * @param stateGroups state groups
 * @param priorities  priorities
 * @param completed   how issues whose work is over appear
 */
public record FeedFilter(Set<String> projects, Set<String> assignees, Set<String> labels, Set<StateGroup> stateGroups,
                         Set<Priority> priorities, CompletedMode completed) {

    public FeedFilter {
        projects = cleaned(projects, "project");
        assignees = cleaned(assignees, "assignee");
        labels = cleaned(labels, "label");
        stateGroups = Set.copyOf(stateGroups);
        priorities = Set.copyOf(priorities);
        Objects.requireNonNull(completed, "completed mode");
    }

    /** Everything, completed issues as CANCELLED: a workspace feed. */
    public static FeedFilter everything() {
        return new FeedFilter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), CompletedMode.CANCELLED);
    }

    /** One project's events (identifier or id), completed issues as CANCELLED. */
    public static FeedFilter project(String project) {
        return everything().withProjects(Set.of(project));
    }

    public FeedFilter withProjects(Set<String> value) {
        return new FeedFilter(value, assignees, labels, stateGroups, priorities, completed);
    }

    public FeedFilter withAssignees(Set<String> value) {
        return new FeedFilter(projects, value, labels, stateGroups, priorities, completed);
    }

    public FeedFilter withLabels(Set<String> value) {
        return new FeedFilter(projects, assignees, value, stateGroups, priorities, completed);
    }

    public FeedFilter withStateGroups(Set<StateGroup> value) {
        return new FeedFilter(projects, assignees, labels, value, priorities, completed);
    }

    public FeedFilter withPriorities(Set<Priority> value) {
        return new FeedFilter(projects, assignees, labels, stateGroups, value, completed);
    }

    public FeedFilter withCompleted(CompletedMode value) {
        return new FeedFilter(projects, assignees, labels, stateGroups, priorities, value);
    }

    /**
     * The event as this feed shows it, or empty when the feed leaves it out: with {@link CompletedMode#SHOW} a
     * completed or cancelled issue's event is CONFIRMED, with {@link CompletedMode#CANCELLED} it is CANCELLED.
     */
    public Optional<CalendarEvent> present(CalendarEvent event) {
        if (!matches(event)) {
            return Optional.empty();
        }
        boolean closed = isClosed(event);
        switch (completed) {
            case HIDE:
                return closed ? Optional.empty() : Optional.of(event);
            case SHOW:
                return Optional.of(closed ? withStatus(event, EventStatus.CONFIRMED) : event);
            case CANCELLED:
                return Optional.of(closed ? withStatus(event, EventStatus.CANCELLED) : event);
            default:
                throw new AssertionError(completed);
        }
    }

    /** Whether the event passes every dimension (the completed mode aside). */
    public boolean matches(CalendarEvent event) {
        if (!labels.isEmpty() && !hasLabel(event)) {
            return false;
        }
        if (projects.isEmpty() && assignees.isEmpty() && stateGroups.isEmpty() && priorities.isEmpty()) {
            return true;
        }
        Optional<IssueFacts> facts = event.facts();
        return facts.isPresent() && matchesFacts(facts.get());
    }

    /** One line for people, e.g. {@code project=MOB assignee=ana@example.com completed=show}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        add(parts, "project", projects);
        add(parts, "assignee", assignees);
        add(parts, "label", labels);
        add(parts, "state-group", wire(stateGroups));
        add(parts, "priority", wire(priorities));
        parts.add("completed=" + completed.wireName());
        return String.join(" ", parts);
    }

    private boolean matchesFacts(IssueFacts facts) {
        if (!projects.isEmpty() && projects.stream().noneMatch(p -> p.equalsIgnoreCase(facts.projectIdentifier())
                || p.equals(facts.projectId()))) {
            return false;
        }
        if (!assignees.isEmpty() && facts.assignees().stream().noneMatch(
                person -> assignees.stream().anyMatch(person::isNamedBy))) {
            return false;
        }
        if (!stateGroups.isEmpty() && !stateGroups.contains(facts.stateGroup())) {
            return false;
        }
        return priorities.isEmpty() || priorities.contains(facts.priority());
    }

    private boolean hasLabel(CalendarEvent event) {
        for (String category : event.categorySet()) {
            for (String label : labels) {
                if (label.toLowerCase(Locale.ROOT).equals(category.strip().toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isClosed(CalendarEvent event) {
        return event.facts().map(f -> f.stateGroup().isClosed()).orElse(event.status() == EventStatus.CANCELLED);
    }

    private static CalendarEvent withStatus(CalendarEvent e, EventStatus status) {
        if (e.status() == status) {
            return e;
        }
        return new CalendarEvent(e.uid(), e.summary(), e.description(), e.start(), e.end(), status, e.categories(),
                e.color(), e.url(), e.facts());
    }

    private static Set<String> cleaned(Collection<String> values, String what) {
        Set<String> set = new TreeSet<>();
        for (String value : values) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("a " + what + " filter value must not be blank");
            }
            set.add(value.strip());
        }
        return Set.copyOf(set);
    }

    private static <E extends Enum<E>> Set<String> wire(Set<E> values) {
        Set<String> names = new TreeSet<>();
        values.forEach(v -> names.add(v.name().toLowerCase(Locale.ROOT)));
        return names;
    }

    private static void add(List<String> parts, String key, Set<String> values) {
        new TreeSet<>(values).forEach(v -> parts.add(key + "=" + v));
    }
}
