package io.calplanebot.ical;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.IssueFacts;
import io.calplanebot.core.domain.Person;
import io.calplanebot.core.domain.Priority;
import io.calplanebot.core.domain.StateGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one place where the Plane facts behind an event (project, state group, priority, assignees) become X-
 * properties and are read back: {@code X-PLANE-PROJECT-ID}, {@code X-PLANE-PROJECT-IDENTIFIER},
 * {@code X-PLANE-STATE-GROUP}, {@code X-PLANE-PRIORITY} (Plane's lower-case wire names) and one
 * {@code X-PLANE-ASSIGNEE;EMAIL=…;CN=…:<user id>} per assignee, in order. Both the ical4j codec and the streaming
 * {@link IcsWriter} call it, and only in their "with issue facts" form: the built-in store keeps the facts its
 * feeds filter on, a CalDAV server gets none.
 */
final class IssueFactsProperties {
    /** Every property this class writes starts with this prefix; an update replaces all of them. */
    static final String PREFIX = "X-PLANE-";
    private static final String PROJECT_ID = PREFIX + "PROJECT-ID";
    private static final String PROJECT_IDENTIFIER = PREFIX + "PROJECT-IDENTIFIER";
    private static final String STATE_GROUP = PREFIX + "STATE-GROUP";
    private static final String PRIORITY = PREFIX + "PRIORITY";
    private static final String ASSIGNEE = PREFIX + "ASSIGNEE";
    private static final String EMAIL = "EMAIL";
    private static final String NAME = "CN";

    private IssueFactsProperties() {
    }

    /** The X- properties that record the event's issue facts; none when it has none. */
    static List<ExtraProperty> of(CalendarEvent event) {
        if (event.facts().isEmpty()) {
            return List.of();
        }
        IssueFacts facts = event.facts().get();
        List<ExtraProperty> properties = new ArrayList<>(4 + facts.assignees().size());
        properties.add(new ExtraProperty(PROJECT_ID, facts.projectId()));
        if (!facts.projectIdentifier().isEmpty()) {
            properties.add(new ExtraProperty(PROJECT_IDENTIFIER, facts.projectIdentifier()));
        }
        properties.add(new ExtraProperty(STATE_GROUP, facts.stateGroup().wireName()));
        properties.add(new ExtraProperty(PRIORITY, facts.priority().wireName()));
        for (Person person : facts.assignees()) {
            List<ExtraProperty.Parameter> parameters = new ArrayList<>(2);
            if (!person.email().isEmpty()) {
                parameters.add(new ExtraProperty.Parameter(EMAIL, person.email()));
            }
            if (!person.displayName().isEmpty()) {
                parameters.add(new ExtraProperty.Parameter(NAME, person.displayName()));
            }
            properties.add(new ExtraProperty(ASSIGNEE, parameters, person.id()));
        }
        return properties;
    }

    /**
     * The event with the issue facts read back from its X-PLANE- properties; without facts when they are missing
     * or unreadable (an event written before facts existed, or edited by hand), which a feed treats as unknown.
     */
    static CalendarEvent attach(CalendarEvent event, List<ExtraProperty> properties) {
        String projectId = null;
        String identifier = "";
        StateGroup stateGroup = null;
        Priority priority = null;
        List<Person> assignees = new ArrayList<>();
        try {
            for (ExtraProperty property : properties) {
                String value = property.value().strip();
                switch (property.name()) {
                    case PROJECT_ID -> projectId = value;
                    case PROJECT_IDENTIFIER -> identifier = value;
                    case STATE_GROUP -> stateGroup = StateGroup.fromWire(value);
                    case PRIORITY -> priority = Priority.fromWire(value);
                    case ASSIGNEE -> assignees.add(new Person(value, parameter(property, EMAIL),
                            parameter(property, NAME)));
                    default -> { }
                }
            }
            if (projectId == null || projectId.isEmpty() || stateGroup == null || priority == null) {
                return event.withFacts(Optional.empty());
            }
            return event.withFacts(Optional.of(new IssueFacts(projectId, identifier, stateGroup, priority, assignees)));
        } catch (IllegalArgumentException e) {
            return event.withFacts(Optional.empty());
        }
    }

    private static String parameter(ExtraProperty property, String name) {
        for (ExtraProperty.Parameter parameter : property.parameters()) {
            if (parameter.name().equals(name)) {
                return parameter.value();
            }
        }
        return "";
    }
}
