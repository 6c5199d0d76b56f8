package io.calplanebot.sample;

import org.jsoup.Jsoup;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Plane's JSON shapes (plane-api.md sections 6, 7, 8 and 12.4), keys in Plane's order. Call under the fake's lock. */
final class PlaneShapes {
    private PlaneShapes() {
    }

    /** IssueSerializer (v1 REST), with {@code expand} applied; an expanded null becomes {@code {}}. */
    static Map<String, Object> restIssue(FakePlane plane, FakeIssue issue, List<String> expand, ZoneId zone) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", issue.id);
        out.put("type_id", null);
        out.put("created_at", PlaneTime.iso(issue.createdAt, zone));
        out.put("updated_at", PlaneTime.iso(issue.updatedAt, zone));
        out.put("deleted_at", null);
        out.put("point", null);
        out.put("name", issue.name);
        out.put("description_html", issue.descriptionHtml);
        out.put("description_binary", null);
        planning(out, issue, zone);
        out.put("created_by", expand.contains("created_by") ? user(plane, issue.createdBy) : issue.createdBy);
        out.put("updated_by", expand.contains("updated_by") ? user(plane, issue.updatedBy) : issue.updatedBy);
        out.put("project", issue.projectId);
        out.put("workspace", plane.workspaceId);
        out.put("parent", expand.contains("parent") ? new LinkedHashMap<>() : null);
        out.put("state", expand.contains("state") ? stateLite(plane.states.get(issue.stateId)) : issue.stateId);
        out.put("estimate_point", expand.contains("estimate_point") ? new LinkedHashMap<>() : null);
        out.put("type", null);
        List<String> tail = new ArrayList<>();
        for (String key : expand) {
            if ((key.equals("labels") || key.equals("assignees")) && !tail.contains(key)) {
                tail.add(key);
            }
        }
        for (String key : List.of("assignees", "labels")) {
            if (!tail.contains(key)) {
                tail.add(key);
            }
        }
        for (String key : tail) {
            boolean expanded = expand.contains(key);
            List<Object> values = new ArrayList<>();
            if (key.equals("labels")) {
                issue.labelIds.forEach(id -> values.add(expanded ? label(plane, plane.labels.get(id), zone) : id));
            } else {
                issue.assigneeIds.forEach(id -> values.add(expanded ? user(plane, id) : id));
            }
            out.put(key, values);
        }
        Map<String, Object> override = plane.overrides.get(issue.id);
        if (override != null) {
            out.putAll(override);
        }
        return out;
    }

    /** IssueExpandSerializer as the webhook task renders it: UTC, LabelLite, state always expanded. */
    static Map<String, Object> webhookIssue(FakePlane plane, FakeIssue issue) {
        ZoneId utc = ZoneOffset.UTC;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", issue.id);
        List<Object> labels = new ArrayList<>();
        for (String id : issue.labelIds) {
            FakeLabel label = plane.labels.get(id);
            Map<String, Object> lite = new LinkedHashMap<>();
            lite.put("id", label.id());
            lite.put("name", label.name());
            lite.put("color", label.color());
            labels.add(lite);
        }
        out.put("labels", labels);
        List<Object> assignees = new ArrayList<>();
        issue.assigneeIds.forEach(id -> assignees.add(user(plane, id)));
        out.put("assignees", assignees);
        out.put("state", stateLite(plane.states.get(issue.stateId)));
        out.put("description", new LinkedHashMap<>());
        out.put("created_at", PlaneTime.iso(issue.createdAt, utc));
        out.put("updated_at", PlaneTime.iso(issue.updatedAt, utc));
        out.put("deleted_at", null);
        out.put("point", null);
        out.put("name", issue.name);
        out.put("description_json", new LinkedHashMap<>());
        out.put("description_html", issue.descriptionHtml);
        out.put("description_stripped", Jsoup.parseBodyFragment(issue.descriptionHtml).body().wholeText());
        out.put("description_binary", null);
        planning(out, issue, utc);
        out.put("created_by", issue.createdBy);
        out.put("updated_by", issue.updatedBy);
        out.put("project", issue.projectId);
        out.put("workspace", plane.workspaceId);
        out.put("parent", null);
        out.put("estimate_point", null);
        out.put("type", null);
        return out;
    }

    /** The fields from priority to external_id, which both issue serializers write in the same order. */
    private static void planning(Map<String, Object> out, FakeIssue issue, ZoneId zone) {
        out.put("priority", issue.priority);
        out.put("start_date", PlaneTime.date(issue.startDate));
        out.put("target_date", PlaneTime.date(issue.targetDate));
        out.put("sequence_id", issue.sequenceId);
        out.put("sort_order", issue.sortOrder);
        out.put("completed_at", PlaneTime.iso(issue.completedAt, zone));
        out.put("archived_at", PlaneTime.date(issue.archivedAt));
        out.put("is_draft", issue.draft);
        out.put("external_source", null);
        out.put("external_id", null);
    }

    /** ProjectSerializer; the list/detail annotations only when {@code annotated} (webhooks lack them). */
    static Map<String, Object> project(FakePlane plane, FakeProject project, ZoneId zone, boolean annotated) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", project.id);
        boolean member = project.members.contains(plane.me.id());
        if (annotated) {
            out.put("total_members", project.members.size());
            out.put("total_cycles", 0);
            out.put("total_modules", 0);
            out.put("is_member", member);
            out.put("sort_order", member ? FakePlane.DEFAULT_SORT_ORDER : null);
            out.put("member_role", member ? 20 : null);
            out.put("is_deployed", false);
        }
        out.put("cover_image_url", null);
        out.put("created_at", PlaneTime.iso(project.createdAt, zone));
        out.put("updated_at", PlaneTime.iso(project.updatedAt, zone));
        out.put("deleted_at", null);
        out.put("name", project.name);
        out.put("description", "");
        out.put("description_text", null);
        out.put("description_html", null);
        out.put("network", project.network);
        out.put("identifier", project.identifier);
        out.put("emoji", null);
        out.put("icon_prop", null);
        for (String flag : List.of("module_view", "cycle_view", "issue_views_view", "page_view", "intake_view")) {
            out.put(flag, true);
        }
        out.put("is_time_tracking_enabled", false);
        out.put("is_issue_type_enabled", false);
        out.put("guest_view_all_features", false);
        out.put("cover_image", null);
        out.put("archive_in", 0);
        out.put("close_in", 0);
        Map<String, Object> logo = new LinkedHashMap<>();
        logo.put("in_use", "emoji");
        logo.put("emoji", Map.of("value", "128241"));
        out.put("logo_props", logo);
        out.put("archived_at", PlaneTime.iso(project.archivedAt, zone));
        out.put("timezone", "UTC");
        out.put("external_source", null);
        out.put("external_id", null);
        out.put("created_by", plane.me.id());
        out.put("updated_by", null);
        out.put("workspace", plane.workspaceId);
        for (String key : List.of("default_assignee", "project_lead", "cover_image_asset", "estimate",
                "default_state")) {
            out.put(key, null);
        }
        return out;
    }

    static Map<String, Object> state(FakeState state, ZoneId zone) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", state.id());
        out.put("created_at", PlaneTime.iso(state.createdAt(), zone));
        out.put("updated_at", PlaneTime.iso(state.createdAt(), zone));
        out.put("deleted_at", null);
        out.put("name", state.name());
        out.put("description", "");
        out.put("color", state.color());
        out.put("slug", state.name().toLowerCase(Locale.ROOT).replace(' ', '-'));
        out.put("sequence", state.sequence());
        out.put("group", state.group());
        out.put("is_triage", state.group().equals("triage"));
        out.put("default", state.isDefault());
        out.put("external_source", null);
        out.put("external_id", null);
        out.put("created_by", null);
        out.put("updated_by", null);
        out.put("project", state.projectId());
        return out;
    }

    static Map<String, Object> label(FakePlane plane, FakeLabel label, ZoneId zone) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", label.id());
        out.put("created_at", PlaneTime.iso(label.createdAt(), zone));
        out.put("updated_at", PlaneTime.iso(label.createdAt(), zone));
        out.put("deleted_at", null);
        out.put("name", label.name());
        out.put("description", "");
        out.put("color", label.color());
        out.put("sort_order", label.sortOrder());
        out.put("external_source", null);
        out.put("external_id", null);
        out.put("created_by", null);
        out.put("updated_by", null);
        out.put("workspace", plane.workspaceId);
        out.put("project", label.projectId());
        out.put("parent", null);
        return out;
    }

    private static Map<String, Object> stateLite(FakeState state) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", state.id());
        out.put("name", state.name());
        out.put("color", state.color());
        out.put("group", state.group());
        return out;
    }

    /** UserLite, or {@code {}} for a null user (DRF's Serializer.data of None). */
    static Map<String, Object> user(FakePlane plane, String userId) {
        FakeUser user = userId == null ? null : plane.users.get(userId);
        return user == null ? new LinkedHashMap<>() : user.lite();
    }
}
