package io.calplanebot.core.mapping;

import io.calplanebot.core.domain.Issue;

final class SummaryRule implements MappingRule {
    @Override
    public String name() {
        return "SUMMARY";
    }

    @Override
    public String description() {
        return "SUMMARY is [{sequence id}] {issue name}";
    }

    @Override
    public void apply(Issue issue, MappingSettings settings, EventDraft draft) {
        draft.summary = "[" + issue.sequenceId() + "] " + issue.name().strip();
    }
}
