package io.calplanebot.core.mapping;

import io.calplanebot.core.domain.EventStatus;
import io.calplanebot.core.domain.Issue;

/** STATUS is CONFIRMED for backlog, unstarted and started issues, CANCELLED for completed and cancelled. */
final class StatusRule implements MappingRule {
    @Override
    public void apply(Issue issue, MappingSettings settings, EventDraft draft) {
        draft.status = issue.state().group().isClosed() ? EventStatus.CANCELLED : EventStatus.CONFIRMED;
    }
}
