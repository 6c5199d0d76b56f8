package io.calplanebot.core.mapping;

import io.calplanebot.core.domain.Issue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template of an event's SUMMARY: text with the placeholders {@code {sequence_id}} (the issue's number),
 * {@code {IDENT}} (the project identifier, e.g. {@code MOB}) and {@code {name}} (the issue name). The template is
 * read once; values are inserted as they are, so an issue name holding {@code {name}} stays literal.
 *
 * @param template the template, e.g. {@link #DEFAULT} or {@link #WITH_PROJECT}
 * @throws InvalidEventTitleFormatException when the template is blank or names an unknown placeholder
 */
public record EventTitleFormat(String template) {
    /** The placeholders a template may use. */
    public static final List<String> PLACEHOLDERS = List.of("{sequence_id}", "{IDENT}", "{name}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}]*}");
    // The constants below are built with the two above, so they come after them.
    /** {@code [{sequence_id}] {name}}: {@code [14] Fix login}. */
    public static final EventTitleFormat DEFAULT = new EventTitleFormat("[{sequence_id}] {name}");
    /** {@code [{IDENT}-{sequence_id}] {name}}: {@code [MOB-14] Fix login}, telling projects apart in a merged view. */
    public static final EventTitleFormat WITH_PROJECT = new EventTitleFormat("[{IDENT}-{sequence_id}] {name}");

    public EventTitleFormat {
        Objects.requireNonNull(template, "template");
        if (template.isBlank()) {
            throw new InvalidEventTitleFormatException("the event title format is blank");
        }
        Matcher found = PLACEHOLDER.matcher(template);
        while (found.find()) {
            if (!PLACEHOLDERS.contains(found.group())) {
                throw new InvalidEventTitleFormatException("unknown placeholder " + found.group()
                        + " in the event title format; use " + String.join(", ", PLACEHOLDERS));
            }
        }
    }

    /** The title of {@code issue}'s event. */
    public String render(Issue issue) {
        StringBuilder title = new StringBuilder();
        for (String part : parts()) {
            switch (part) {
                case "{sequence_id}":
                    title.append(issue.sequenceId());
                    break;
                case "{IDENT}":
                    title.append(issue.project().identifier());
                    break;
                case "{name}":
                    title.append(issue.name().strip());
                    break;
                default:
                    title.append(part);
            }
        }
        return title.toString();
    }

    /** The template cut into literal text and placeholders, in order. */
    private List<String> parts() {
        List<String> parts = new ArrayList<>();
        Matcher found = PLACEHOLDER.matcher(template);
        int at = 0;
        while (found.find()) {
            parts.add(template.substring(at, found.start()));
            parts.add(found.group());
            at = found.end();
        }
        parts.add(template.substring(at));
        return parts;
    }
}
