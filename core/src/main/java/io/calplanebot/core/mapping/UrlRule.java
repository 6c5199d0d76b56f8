package io.calplanebot.core.mapping;

import io.calplanebot.core.domain.Issue;

/** URL is {web URL}/{workspace}/browse/{PROJECT}-{sequence id}/. */
final class UrlRule implements MappingRule {
    @Override
    public void apply(Issue issue, MappingSettings settings, EventDraft draft) {
        draft.url = issueUrl(issue, settings);
    }

    static String issueUrl(Issue issue, MappingSettings settings) {
        return settings.webUrl() + "/" + settings.workspaceSlug() + "/browse/" + issue.key() + "/";
    }
}
