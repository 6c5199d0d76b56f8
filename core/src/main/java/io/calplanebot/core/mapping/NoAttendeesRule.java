package io.calplanebot.core.mapping;

import io.calplanebot.core.domain.Issue;

/**
 * Assignees are named in the description only. An event never gets ATTENDEE or ORGANIZER: with mailto:
 * addresses, servers would send invitation e-mails. {@link io.calplanebot.core.domain.CalendarEvent} has no
 * such property, so this rule holds by construction and writes nothing.
 */
final class NoAttendeesRule implements MappingRule {
    @Override
    public void apply(Issue issue, MappingSettings settings, EventDraft draft) {
        // Nothing to write: the event model cannot hold attendees.
    }
}
