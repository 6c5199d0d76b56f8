package io.calplanebot.core.mapping;

import io.calplanebot.core.domain.EventIdentity;
import io.calplanebot.core.domain.Issue;

/** RESOURCE-NAME: the event is stored as plane-issue-{issue id}.ics in the project's calendar. */
final class ResourceNameRule implements MappingRule {
    @Override
    public void apply(Issue issue, MappingSettings settings, EventDraft draft) {
        draft.resourceName = EventIdentity.forIssue(issue.id()).resourceName();
    }
}
