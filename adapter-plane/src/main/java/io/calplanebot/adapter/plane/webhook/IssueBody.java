package io.calplanebot.adapter.plane.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.calplanebot.adapter.plane.json.AssigneeNames;
import io.calplanebot.adapter.plane.json.PlaneIssueReader;
import io.calplanebot.adapter.plane.json.UnreadableItemException;
import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.domain.webhook.IssueSnapshot;

import java.time.DateTimeException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The issue inside an issue delivery's {@code data} (plane-api.md section 12.4: {@code IssueExpandSerializer} with
 * labels and assignees expanded, the state as an object, the project as an id), read the same way as an issue of a
 * listing. The body is used only when it is complete: every field the mapping reads is present and of the right
 * shape. Anything less (a field missing, a list of ids instead of objects, the spec's older payload) gives nothing,
 * and the issue is read from Plane instead.
 */
public final class IssueBody {
    /** The fields the mapping reads; dates and the priority may be null but must be there. */
    private static final List<String> REQUIRED = List.of("id", "name", "state", "sequence_id", "labels", "assignees",
            "priority", "start_date", "target_date", "updated_at", "description_html");

    private IssueBody() {
    }

    /**
     * @param projectId the project the delivery names; the body carries no project name, which the caller knows
     * @return the snapshot (an issue, or "no event" for an archived, deleted or draft issue or one in triage), or
     *         empty when the body is not complete enough to be applied
     */
    public static Optional<IssueSnapshot> snapshot(JsonNode data, String projectId) {
        for (String field : REQUIRED) {
            if (!data.has(field)) {
                return Optional.empty();
            }
        }
        if (WebhookFields.absent(data.get("updated_at")) || !data.get("labels").isArray()
                || !data.get("assignees").isArray()) {
            return Optional.empty();
        }
        Map<String, String> users = AssigneeNames.of(List.of(data));
        try {
            Optional<Issue> issue = PlaneIssueReader.read(data, new Project(projectId, "", ""),
                    id -> Optional.ofNullable(users.get(id)));
            if (issue.isPresent()) {
                return Optional.of(IssueSnapshot.of(issue.get()));
            }
            return Optional.of(IssueSnapshot.withoutEvent(projectId,
                    WebhookFields.dateTime(data, "updated_at", "data.updated_at").orElseThrow()));
        } catch (UnreadableItemException | DateTimeException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
