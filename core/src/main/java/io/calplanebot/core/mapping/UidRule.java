package io.calplanebot.core.mapping;

import io.calplanebot.core.domain.EventIdentity;
import io.calplanebot.core.domain.Issue;

final class UidRule implements MappingRule {
    @Override
    public String name() {
        return "UID";
    }

    @Override
    public String description() {
        return "UID is plane-issue-{issue id}@calplanebot and never changes";
    }

    @Override
    public void apply(Issue issue, MappingSettings settings, EventDraft draft) {
        draft.uid = EventIdentity.uidForIssue(issue.id());
    }
}
