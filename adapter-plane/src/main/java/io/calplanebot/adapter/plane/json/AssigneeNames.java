package io.calplanebot.adapter.plane.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Display names of every user assigned to a listed issue, so that mentions of them can be named. */
public final class AssigneeNames {
    private AssigneeNames() {
    }

    public static Map<String, String> of(List<JsonNode> items) {
        Map<String, String> users = new HashMap<>();
        for (JsonNode item : items) {
            JsonNode assignees = item.get("assignees");
            if (assignees == null || !assignees.isArray()) {
                continue;
            }
            for (JsonNode user : assignees) {
                JsonNode id = user.get("id");
                if (user.isObject() && id != null && id.isTextual()) {
                    try {
                        PlaneIssueReader.userName(user).ifPresent(name -> users.put(id.asText(), name));
                    } catch (UnreadableItemException e) {
                        // a malformed user only costs the name of a mention
                    }
                }
            }
        }
        return users;
    }
}
