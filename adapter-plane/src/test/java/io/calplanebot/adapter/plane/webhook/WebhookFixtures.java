package io.calplanebot.adapter.plane.webhook;

import io.calplanebot.sample.FakeUser;
import io.calplanebot.sample.PlaneWebhookSender;
import io.calplanebot.sample.WebhookDelivery;
import io.calplanebot.core.domain.webhook.RawWebhook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Deliveries shaped like plane-api.md section 12.7 and the spec's example, for decoder tests. */
final class WebhookFixtures {
    static final String SECRET = "plane_wh_0123456789abcdef0123456789abcdef";
    static final String ISSUE_ID = "34e3cadf-3bc2-4b15-8224-3593f19e74bc";
    static final String PROJECT_ID = "249fa610-2efe-4e7f-afef-4b963837ea4b";
    static final String WORKSPACE_ID = "d91fe38c-48b3-4fad-aaab-65deaf8c9221";
    static final String WEBHOOK_ID = "1e76bdee-eda8-4d07-b881-debfb9a8d161";

    private WebhookFixtures() {
    }

    static Map<String, Object> actor() {
        return new FakeUser("45bb5d3f-a825-46b4-a50d-e23229bada85", "Ava", "Chen", "ava.chen@northwind.example", "ava")
                .lite();
    }

    static Map<String, Object> activity(String field, Object oldValue, Object newValue) {
        Map<String, Object> activity = new LinkedHashMap<>();
        activity.put("field", field);
        activity.put("new_value", newValue);
        activity.put("old_value", oldValue);
        activity.put("actor", actor());
        activity.put("old_identifier", null);
        activity.put("new_identifier", null);
        return activity;
    }

    static Map<String, Object> issueData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", ISSUE_ID);
        List<Object> labels = new ArrayList<>();
        labels.add(new LinkedHashMap<>(Map.of("id", "deb0d161-39d9-4080-8ff2-d8f20910ddd2", "name", "bug",
                "color", "#e5484d")));
        data.put("labels", labels);
        data.put("assignees", new ArrayList<>(List.of(actor())));
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("id", "e9baeced-5176-476b-a245-6486491912a7");
        state.put("name", "Todo");
        state.put("color", "#60646C");
        state.put("group", "unstarted");
        data.put("state", state);
        data.put("description", new LinkedHashMap<>());
        data.put("created_at", "2026-05-18T09:41:07.133975Z");
        data.put("updated_at", "2026-05-18T09:41:07.118406Z");
        data.put("deleted_at", null);
        data.put("point", null);
        data.put("name", "App crashes on launch when locale is ar-EG 🌙");
        data.put("description_json", new LinkedHashMap<>());
        data.put("description_html", "<p>Reported via Play Console: <code>java.lang.IllegalArgumentException</code> "
                + "(Eastern Arabic digits ٠١٢٣).</p>");
        data.put("description_stripped", "Reported via Play Console: java.lang.IllegalArgumentException "
                + "(Eastern Arabic digits ٠١٢٣).");
        data.put("description_binary", null);
        data.put("priority", "high");
        data.put("start_date", null);
        data.put("target_date", "2026-05-22");
        data.put("sequence_id", 14);
        data.put("sort_order", 95535.0);
        data.put("completed_at", null);
        data.put("archived_at", null);
        data.put("is_draft", false);
        data.put("external_source", null);
        data.put("external_id", null);
        data.put("created_by", "45bb5d3f-a825-46b4-a50d-e23229bada85");
        data.put("updated_by", null);
        data.put("project", PROJECT_ID);
        data.put("workspace", WORKSPACE_ID);
        data.put("parent", null);
        data.put("estimate_point", null);
        data.put("type", null);
        return data;
    }

    static WebhookDelivery issueCreated() {
        return WebhookDelivery.plane("issue", "created", WEBHOOK_ID, WORKSPACE_ID, issueData(),
                activity(null, null, null));
    }

    static WebhookDelivery issueUpdated() {
        return WebhookDelivery.plane("issue", "updated", WEBHOOK_ID, WORKSPACE_ID, issueData(),
                activity("target_date", "2026-05-22", "2026-05-29")).withData("target_date", "2026-05-29")
                .withData("updated_at", "2026-05-18T14:02:51.660273Z");
    }

    static WebhookDelivery issueDeleted() {
        return WebhookDelivery.plane("issue", "deleted", WEBHOOK_ID, WORKSPACE_ID,
                new LinkedHashMap<>(Map.of("id", "414705fa-4989-4bd2-a5f5-4526a4006cb0")), activity("issue", null, null));
    }

    static WebhookDelivery project(String action) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", PROJECT_ID);
        data.put("name", "Mobile");
        data.put("identifier", "MOB");
        data.put("archived_at", null);
        return WebhookDelivery.plane("project", action, WEBHOOK_ID, WORKSPACE_ID, data, activity(null, null, null));
    }

    static WebhookDelivery other(String event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", "7c1e2f3a-0000-4000-8000-000000000001");
        data.put("project", PROJECT_ID);
        return WebhookDelivery.plane(event, "created", WEBHOOK_ID, WORKSPACE_ID, data, activity(null, null, null));
    }

    /** The spec's example payload (spec/000_8689ffb70a131ad6.txt). */
    static WebhookDelivery spec(String action) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", ISSUE_ID);
        data.put("name", "Issue title");
        data.put("description", "Issue description");
        data.put("state", new LinkedHashMap<>(Map.of("name", "In Progress", "group", "started")));
        data.put("target_date", "2025-12-27");
        data.put("start_date", null);
        data.put("sequence_id", 42);
        data.put("priority", "urgent");
        data.put("assignees", new ArrayList<>());
        data.put("labels", new ArrayList<>());
        Map<String, Object> project = new LinkedHashMap<>();
        project.put("id", PROJECT_ID);
        project.put("name", "My Project");
        project.put("identifier", "MP");
        data.put("project", project);
        Map<String, Object> actor = new LinkedHashMap<>(Map.of("id", "user-uuid", "display_name", "Actor Name"));
        Map<String, Object> workspace = new LinkedHashMap<>(Map.of("id", WORKSPACE_ID, "slug", "my-workspace"));
        return WebhookDelivery.spec(action, data, actor, "2025-12-27T10:30:00Z", workspace);
    }

    /** The delivery as received: Plane's headers (signed with {@link #SECRET}) and the exact body bytes. */
    static RawWebhook signed(WebhookDelivery delivery) {
        return RawWebhook.of(PlaneWebhookSender.headers(delivery, Optional.of(SECRET)), delivery.body());
    }

    static RawWebhook withSignature(byte[] body, String signature) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (signature != null) {
            headers.put("X-Plane-Signature", signature);
        }
        return RawWebhook.of(headers, body);
    }
}
