package io.calplanebot.core.mapping;

import io.calplanebot.core.domain.Issue;

import java.util.List;
import java.util.Set;

/**
 * DESCRIPTION is the issue's plain-text description, then a --- block with state, priority, assignees,
 * labels, project and the issue URL.
 */
final class DescriptionRule implements MappingRule {
    static final String SEPARATOR = "---";

    @Override
    public void apply(Issue issue, MappingSettings settings, EventDraft draft) {
        StringBuilder text = new StringBuilder();
        String body = issue.description().strip();
        if (!body.isEmpty()) {
            text.append(body).append("\n\n");
        }
        text.append(SEPARATOR).append('\n')
                .append("State: ").append(issue.state().name()).append('\n')
                .append("Priority: ").append(issue.priority().label()).append('\n')
                .append("Assignees: ").append(listOrNone(issue.assigneeNames())).append('\n')
                .append("Labels: ").append(listOrNone(issue.labels())).append('\n')
                .append("Project: ").append(issue.project().name())
                .append(" (").append(issue.project().identifier()).append(")\n")
                .append("URL: ").append(UrlRule.issueUrl(issue, settings));
        draft.description = text.toString();
    }

    private static String listOrNone(List<String> values) {
        Set<String> names = CategoriesRule.distinctNames(values);
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
