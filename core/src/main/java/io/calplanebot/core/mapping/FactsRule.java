package io.calplanebot.core.mapping;

import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.IssueFacts;

import java.util.Optional;

/** The issue's project, state group, priority and assignees go with the event, for feed filters (not written to CalDAV). */
final class FactsRule implements MappingRule {
    @Override
    public void apply(Issue issue, MappingSettings settings, EventDraft draft) {
        draft.facts = Optional.of(IssueFacts.of(issue));
    }
}
