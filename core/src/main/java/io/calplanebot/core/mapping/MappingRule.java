package io.calplanebot.core.mapping;

import io.calplanebot.core.domain.Issue;

/** One named rule of the issue → event mapping; each sets one property of the event. */
public interface MappingRule {

    /** A short stable name, e.g. {@code SUMMARY}. */
    String name();

    /** The rule in one sentence, for documentation and diagnostics. */
    String description();

    void apply(Issue issue, MappingSettings settings, EventDraft draft);
}
