package io.calplanebot.ical;

import io.calplanebot.core.domain.CalendarEvent;

import java.util.List;

/**
 * The one place where the Plane facts behind an event (project, state group, priority, assignees) become X-
 * properties and are read back: {@code X-PLANE-PROJECT-ID}, {@code X-PLANE-PROJECT-IDENTIFIER},
 * {@code X-PLANE-STATE-GROUP}, {@code X-PLANE-PRIORITY} and one {@code X-PLANE-ASSIGNEE;EMAIL=…;CN=…:<user id>}
 * per assignee. Both the ical4j codec and the streaming {@link IcsWriter} call it, and only in their
 * "with issue facts" form: the built-in store keeps the facts its feeds filter on, a CalDAV server gets none.
 * <p>
 * {@link CalendarEvent} does not carry the facts yet, so today this writes nothing and reads nothing back; when it
 * does, {@link #of} and {@link #attach} are the only code to fill in.
 */
final class IssueFactsProperties {
    /** Every property this class writes starts with this prefix; an update replaces all of them. */
    static final String PREFIX = "X-PLANE-";

    private IssueFactsProperties() {
    }

    /** The X- properties that record the event's issue facts. */
    static List<ExtraProperty> of(CalendarEvent event) {
        return List.of();
    }

    /** The event with the issue facts read back from its X-PLANE- properties. */
    static CalendarEvent attach(CalendarEvent event, List<ExtraProperty> properties) {
        return event;
    }
}
