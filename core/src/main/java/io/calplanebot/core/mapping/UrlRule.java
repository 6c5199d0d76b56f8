package io.calplanebot.core.mapping;

import io.calplanebot.core.domain.Issue;

final class UrlRule implements MappingRule {
    @Override
    public String name() {
        return "URL";
    }

    @Override
    public String description() {
        return "URL is {web URL}/{workspace}/browse/{PROJECT}-{sequence id}/";
    }

    @Override
    public void apply(Issue issue, MappingSettings settings, EventDraft draft) {
        draft.url = issueUrl(issue, settings);
    }

    static String issueUrl(Issue issue, MappingSettings settings) {
        return settings.webUrl() + "/" + settings.workspaceSlug() + "/browse/" + issue.key() + "/";
    }
}
