package io.calplanebot.core.mapping;

import io.calplanebot.core.domain.Issue;

import java.util.LinkedHashSet;
import java.util.Set;

final class CategoriesRule implements MappingRule {
    @Override
    public String name() {
        return "CATEGORIES";
    }

    @Override
    public String description() {
        return "CATEGORIES are the label names (none when the issue has no labels)";
    }

    @Override
    public void apply(Issue issue, MappingSettings settings, EventDraft draft) {
        Set<String> names = new LinkedHashSet<>();
        for (String label : issue.labels()) {
            String name = label.strip();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        draft.categories.clear();
        draft.categories.addAll(names);
    }
}
