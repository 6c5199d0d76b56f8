package io.calplanebot.adapter.plane.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.calplanebot.core.domain.Project;

/** Reads a project object of Plane's v1 API (plane-api.md section 8). */
public final class PlaneProjectReader {
    private PlaneProjectReader() {
    }

    public static PlaneProjectEntry read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new UnreadableItemException("a project is not a JSON object");
        }
        Project project = new Project(JsonFields.requiredNonBlank(node, "id"),
                JsonFields.requiredText(node, "identifier"), JsonFields.requiredText(node, "name"));
        JsonNode member = node.get("is_member");
        boolean isMember = member == null || !member.isBoolean() || member.asBoolean();
        return new PlaneProjectEntry(project, JsonFields.present(node, "archived_at"), isMember);
    }
}
