package io.calplanebot.adapter.plane.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.calplanebot.adapter.plane.html.HtmlToText;
import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.IssueState;
import io.calplanebot.core.domain.Person;
import io.calplanebot.core.domain.Priority;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.domain.StateGroup;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads an issue object of Plane's v1 API as listed with {@code expand=state,labels,assignees}
 * (plane-api.md section 6.2) into core's {@link Issue}. Unknown fields are ignored; {@code {}} stands for an
 * expanded null. Items Plane should never list (drafts, archived, deleted, triage) come back empty.
 */
public final class PlaneIssueReader {
    private static final String TRIAGE = "triage";

    private PlaneIssueReader() {
    }

    /**
     * @param userNames display names by user id, for mentions in the description
     * @return the issue, or empty when the item is not one to mirror (draft, archived, deleted, in triage)
     * @throws UnreadableItemException when a field the sync needs is missing or malformed
     */
    public static Optional<Issue> read(JsonNode node, Project project, Function<String, Optional<String>> userNames) {
        if (node == null || !node.isObject()) {
            throw new UnreadableItemException("an issue is not a JSON object");
        }
        if (JsonFields.flag(node, "is_draft") || JsonFields.present(node, "archived_at")
                || JsonFields.present(node, "deleted_at")) {
            return Optional.empty();
        }
        String id = JsonFields.requiredNonBlank(node, "id");
        JsonNode stateNode = node.get("state");
        if (stateNode == null || !stateNode.isObject() || stateNode.isEmpty()) {
            throw new UnreadableItemException("issue " + id + ": \"state\" is not an expanded state object");
        }
        String group = JsonFields.requiredText(stateNode, "group").strip().toLowerCase(Locale.ROOT);
        if (group.equals(TRIAGE)) {
            return Optional.empty();
        }
        IssueState state = new IssueState(JsonFields.requiredText(stateNode, "name"), stateGroup(id, group));
        JsonNode sequence = node.get("sequence_id");
        if (sequence == null || !sequence.canConvertToInt() || !sequence.isIntegralNumber() || sequence.asInt() < 0) {
            throw new UnreadableItemException("issue " + id + ": \"sequence_id\" is missing or not a number");
        }
        String html = JsonFields.optionalText(node, "description_html").orElse("");
        String description = html.isBlank()
                ? JsonFields.optionalText(node, "description_stripped").orElse("")
                : HtmlToText.convert(html, userNames);
        return Optional.of(new Issue(id, sequence.asInt(), JsonFields.requiredText(node, "name"), description, state,
                priority(node), names(id, node, "labels", PlaneIssueReader::labelName),
                people(id, node), project,
                date(id, node, "start_date"), date(id, node, "target_date"), dateTime(id, node, "updated_at")));
    }

    private static StateGroup stateGroup(String id, String group) {
        try {
            return StateGroup.fromWire(group);
        } catch (IllegalArgumentException e) {
            throw new UnreadableItemException("issue " + id + ": unknown state group \"" + group + "\"");
        }
    }

    private static Priority priority(JsonNode node) {
        Optional<String> value = JsonFields.optionalText(node, "priority");
        try {
            return Priority.fromWire(value.orElse(null));
        } catch (IllegalArgumentException e) {
            return Priority.NONE;
        }
    }

    private static List<String> names(String id, JsonNode node, String field,
                                      Function<JsonNode, Optional<String>> nameOf) {
        JsonNode array = node.get(field);
        if (JsonFields.isNull(array)) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new UnreadableItemException("issue " + id + ": \"" + field + "\" is not a list");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode element : array) {
            if (!element.isObject()) {
                throw new UnreadableItemException("issue " + id + ": \"" + field + "\" is not expanded");
            }
            nameOf.apply(element).ifPresent(names::add);
        }
        return names;
    }

    /** The expanded assignees; a user without an id is left out (it cannot be filtered on or named twice). */
    private static List<Person> people(String id, JsonNode node) {
        JsonNode array = node.get("assignees");
        if (JsonFields.isNull(array)) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new UnreadableItemException("issue " + id + ": \"assignees\" is not a list");
        }
        List<Person> people = new ArrayList<>();
        for (JsonNode user : array) {
            if (!user.isObject()) {
                throw new UnreadableItemException("issue " + id + ": \"assignees\" is not expanded");
            }
            Optional<String> userId = JsonFields.optionalText(user, "id").filter(v -> !v.isBlank());
            Optional<String> name = userName(user);
            if (userId.isPresent() && name.isPresent()) {
                people.add(new Person(userId.get(), JsonFields.optionalText(user, "email").orElse(""), name.get()));
            }
        }
        return people;
    }

    private static Optional<String> labelName(JsonNode label) {
        return JsonFields.optionalText(label, "name").filter(name -> !name.isBlank());
    }

    /** A user's display name, else first and last name. */
    public static Optional<String> userName(JsonNode user) {
        Optional<String> display = JsonFields.optionalText(user, "display_name").filter(n -> !n.isBlank());
        if (display.isPresent()) {
            return display;
        }
        String full = (JsonFields.optionalText(user, "first_name").orElse("") + " "
                + JsonFields.optionalText(user, "last_name").orElse("")).strip();
        return full.isEmpty() ? Optional.empty() : Optional.of(full);
    }

    private static Optional<LocalDate> date(String id, JsonNode node, String field) {
        return parsed(id, node, field, PlaneDates::date, "a YYYY-MM-DD date");
    }

    private static Optional<Instant> dateTime(String id, JsonNode node, String field) {
        return parsed(id, node, field, PlaneDates::dateTime, "an ISO-8601 datetime");
    }

    private static <T> Optional<T> parsed(String id, JsonNode node, String field, Function<String, T> parser,
                                          String expected) {
        Optional<String> text = JsonFields.optionalText(node, field);
        try {
            return text.map(parser);
        } catch (DateTimeException e) {
            throw new UnreadableItemException("issue " + id + ": \"" + field + "\" is not " + expected);
        }
    }
}
