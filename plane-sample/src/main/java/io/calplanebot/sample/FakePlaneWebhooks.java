package io.calplanebot.sample;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the deliveries Plane would send about the fake's current world (plane-api.md section 12): issue
 * created/updated with the full issue {@code data}, the legacy issue {@code deleted} ({@code data} = id only), project
 * events, a cycle event, and the spec's payload for an issue.
 */
public final class FakePlaneWebhooks {
    private final FakePlane plane;
    private final String webhookId;

    FakePlaneWebhooks(FakePlane plane) {
        this.plane = plane;
        this.webhookId = UUID.nameUUIDFromBytes(plane.workspaceId.getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    public WebhookDelivery issueCreated(String issueId) {
        return issue("created", issueId, activity(null, null, null));
    }

    /** One delivery per changed field, as Plane sends them; values are what the caller sent (ids for state etc.). */
    public WebhookDelivery issueUpdated(String issueId, String field, Object oldValue, Object newValue) {
        return issue("updated", issueId, activity(field, oldValue, newValue));
    }

    /** What Plane before v0.26 sent for a deleted issue: only the id. */
    public WebhookDelivery issueDeleted(String issueId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", issueId);
        return WebhookDelivery.plane("issue", "deleted", webhookId, plane.workspaceId, data,
                activity("issue", null, null));
    }

    public WebhookDelivery projectCreated(String projectId) {
        return project("created", projectId, activity(null, null, null));
    }

    public WebhookDelivery projectUpdated(String projectId, String field, Object oldValue, Object newValue) {
        return project("updated", projectId, activity(field, oldValue, newValue));
    }

    public WebhookDelivery projectDeleted(String projectId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", projectId);
        return WebhookDelivery.plane("project", "deleted", webhookId, plane.workspaceId, data,
                activity(null, null, null));
    }

    /** A cycle event (something the sync ignores). */
    public WebhookDelivery cycleCreated(String projectId, String name) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", UUID.randomUUID().toString());
        data.put("name", name);
        data.put("start_date", "2026-05-18T00:00:01Z");
        data.put("end_date", "2026-05-31T23:59:00Z");
        data.put("project", projectId);
        data.put("workspace", plane.workspaceId);
        return WebhookDelivery.plane("cycle", "created", webhookId, plane.workspaceId, data,
                activity(null, null, null));
    }

    /** The spec's payload for an issue: {@code data} with {@code state} and {@code project} objects, plus actor. */
    public WebhookDelivery specIssue(String action, String issueId) {
        synchronized (plane) {
            FakeIssue issue = plane.issue(issueId);
            FakeProject project = plane.project(issue.projectId);
            FakeState state = plane.states.get(issue.stateId);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("id", issue.id);
            data.put("name", issue.name);
            data.put("description", issue.descriptionHtml);
            Map<String, Object> stateObject = new LinkedHashMap<>();
            stateObject.put("name", state.name());
            stateObject.put("group", state.group());
            data.put("state", stateObject);
            data.put("target_date", PlaneTime.date(issue.targetDate));
            data.put("start_date", PlaneTime.date(issue.startDate));
            data.put("sequence_id", issue.sequenceId);
            data.put("priority", issue.priority);
            data.put("assignees", new ArrayList<>());
            data.put("labels", new ArrayList<>());
            Map<String, Object> projectObject = new LinkedHashMap<>();
            projectObject.put("id", project.id);
            projectObject.put("name", project.name);
            projectObject.put("identifier", project.identifier);
            data.put("project", projectObject);
            Map<String, Object> actor = new LinkedHashMap<>();
            actor.put("id", plane.me.id());
            actor.put("display_name", plane.me.displayName());
            Map<String, Object> workspace = new LinkedHashMap<>();
            workspace.put("id", plane.workspaceId);
            workspace.put("slug", plane.workspaceSlug);
            return WebhookDelivery.spec(action, data, actor, PlaneTime.iso(Instant.now(), ZoneOffset.UTC),
                    workspace);
        }
    }

    private WebhookDelivery issue(String action, String issueId, Map<String, Object> activity) {
        synchronized (plane) {
            return WebhookDelivery.plane("issue", action, webhookId, plane.workspaceId,
                    PlaneShapes.webhookIssue(plane, plane.issue(issueId)), activity);
        }
    }

    private WebhookDelivery project(String action, String projectId, Map<String, Object> activity) {
        synchronized (plane) {
            return WebhookDelivery.plane("project", action, webhookId, plane.workspaceId,
                    PlaneShapes.project(plane, plane.project(projectId), ZoneOffset.UTC, false), activity);
        }
    }

    private Map<String, Object> activity(String field, Object oldValue, Object newValue) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("field", field);
        out.put("new_value", newValue);
        out.put("old_value", oldValue);
        out.put("actor", plane.me.lite());
        out.put("old_identifier", null);
        out.put("new_identifier", null);
        return out;
    }
}
