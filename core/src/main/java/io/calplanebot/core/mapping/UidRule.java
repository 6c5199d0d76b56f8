package io.calplanebot.core.mapping;

import io.calplanebot.core.domain.EventIdentity;
import io.calplanebot.core.domain.Issue;

/** UID is plane-issue-{issue id}@calplanebot and never changes. */
final class UidRule implements MappingRule {
    @Override
    public void apply(Issue issue, MappingSettings settings, EventDraft draft) {
        draft.uid = EventIdentity.uidForIssue(issue.id());
    }
}
