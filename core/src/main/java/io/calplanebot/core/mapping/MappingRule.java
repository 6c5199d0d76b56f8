package io.calplanebot.core.mapping;

import io.calplanebot.core.domain.Issue;

/** One rule of the issue → event mapping, as docs/sync-rules.md lists them; each sets one property of the event. */
public interface MappingRule {

    void apply(Issue issue, MappingSettings settings, EventDraft draft);
}
