package io.calplanebot.core.mapping;

import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.Priority;

import java.util.Optional;

/** COLOR is a CSS3 colour name by priority: urgent red, high orange, medium yellow, low green, none no COLOR. */
final class ColorRule implements MappingRule {
    @Override
    public void apply(Issue issue, MappingSettings settings, EventDraft draft) {
        draft.color = colorOf(issue.priority());
    }

    static Optional<String> colorOf(Priority priority) {
        switch (priority) {
            case URGENT:
                return Optional.of("red");
            case HIGH:
                return Optional.of("orange");
            case MEDIUM:
                return Optional.of("yellow");
            case LOW:
                return Optional.of("green");
            case NONE:
                return Optional.empty();
            default:
                throw new AssertionError(priority);
        }
    }
}
