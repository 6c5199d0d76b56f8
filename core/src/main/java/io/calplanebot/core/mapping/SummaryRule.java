package io.calplanebot.core.mapping;

import io.calplanebot.core.domain.Issue;

/** SUMMARY is [{sequence id}] {issue name}. */
final class SummaryRule implements MappingRule {
    @Override
    public void apply(Issue issue, MappingSettings settings, EventDraft draft) {
        draft.summary = "[" + issue.sequenceId() + "] " + issue.name().strip();
    }
}
