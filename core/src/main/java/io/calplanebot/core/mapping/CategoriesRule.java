package io.calplanebot.core.mapping;

import io.calplanebot.core.domain.Issue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** CATEGORIES are the label names (none when the issue has no labels). */
final class CategoriesRule implements MappingRule {
    @Override
    public void apply(Issue issue, MappingSettings settings, EventDraft draft) {
        draft.categories.clear();
        draft.categories.addAll(distinctNames(issue.labels()));
    }

    /**
     * Names without surrounding blanks, blank ones left out, each once, in a stable order: the tracker may list
     * labels and assignees in any order, and a reordering must not change the event.
     */
    static Set<String> distinctNames(List<String> values) {
        Set<String> names = new TreeSet<>();
        for (String value : values) {
            String name = value.strip();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }
}
