package io.calplanebot.core.sync;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.EventIdentity;
import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.mapping.IssueEventMapper;

import java.util.Objects;
import java.util.Optional;

/**
 * A listed issue and the event it should have: empty when it should have none (no due date). The mapping runs
 * before planning, so the planner never sees a mapper.
 *
 * @param uid the UID of the issue's event, whether or not it should have one
 */
public record DesiredEvent(String uid, Optional<CalendarEvent> event) {
    public DesiredEvent {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(event, "event");
        if (event.isPresent() && !event.get().uid().equals(uid)) {
            throw new IllegalArgumentException("event UID " + event.get().uid() + " is not " + uid);
        }
    }

    public static DesiredEvent of(Issue issue, IssueEventMapper mapper) {
        return new DesiredEvent(EventIdentity.uidForIssue(issue.id()), mapper.map(issue));
    }
}
