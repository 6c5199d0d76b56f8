package io.calplanebot.core.mapping;

import io.calplanebot.core.domain.Issue;

/** SUMMARY follows the configured title format, by default {@code [{sequence_id}] {name}}. */
final class SummaryRule implements MappingRule {
    @Override
    public void apply(Issue issue, MappingSettings settings, EventDraft draft) {
        draft.summary = settings.titleFormat().render(issue);
    }
}
