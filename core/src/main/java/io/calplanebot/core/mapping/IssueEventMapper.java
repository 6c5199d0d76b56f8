package io.calplanebot.core.mapping;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.Issue;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns an issue into the event that mirrors it, by the listed {@link #rules()}. Issues without a target date
 * map to no event (the SELECTION rule).
 */
public final class IssueEventMapper {
    private static final List<MappingRule> RULES = List.of(
            new UidRule(),
            new ResourceNameRule(),
            new SummaryRule(),
            new DescriptionRule(),
            new AllDayDatesRule(),
            new StatusRule(),
            new CategoriesRule(),
            new ColorRule(),
            new UrlRule(),
            new FactsRule());

    private final MappingSettings settings;

    public IssueEventMapper(MappingSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The rules in the order they apply; SELECTION (only dated issues) is applied before them. */
    public static List<MappingRule> rules() {
        return RULES;
    }

    /** The event for an issue, or empty when the issue has no target date. */
    public Optional<CalendarEvent> map(Issue issue) {
        if (issue.targetDate().isEmpty()) {
            return Optional.empty();
        }
        EventDraft draft = new EventDraft();
        for (MappingRule rule : RULES) {
            rule.apply(issue, settings, draft);
        }
        return Optional.of(draft.build());
    }

    public MappingSettings settings() {
        return settings;
    }
}
