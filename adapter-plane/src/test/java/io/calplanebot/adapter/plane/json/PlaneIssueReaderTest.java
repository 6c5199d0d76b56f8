package io.calplanebot.adapter.plane.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.Priority;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.domain.StateGroup;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlaneIssueReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Project MOB = new Project("249fa610-2efe-4e7f-afef-4b963837ea4b", "MOB", "Mobile");

    /** plane-api.md section 6.2, as the wire carries it (compact), plus the {@code {}} of an expanded null. */
    static final String EXPANDED = "{\"id\":\"db214324-376b-4f6f-88d0-e42537734d90\",\"type_id\":null,"
            + "\"created_at\":\"2026-04-21T19:22:37.640118Z\",\"updated_at\":\"2026-04-29T16:35:49.917342+05:30\","
            + "\"deleted_at\":null,\"point\":null,\"name\":\"Crash when opening deep link with emoji 🧨 in query\","
            + "\"description_html\":\"<p class=\\\"editor-paragraph-block\\\">Repro: <code>northwind://job?q=%F0%9F%A7%A8"
            + "</code> → NPE in UriParser.</p>\",\"description_binary\":null,\"priority\":\"urgent\",\"start_date\":null,"
            + "\"target_date\":\"2026-04-30\",\"sequence_id\":10,\"sort_order\":75535.0,"
            + "\"completed_at\":\"2026-04-29T11:05:49.917323Z\",\"archived_at\":null,\"is_draft\":false,"
            + "\"external_source\":null,\"external_id\":null,\"created_by\":\"12827682-da3d-4ba3-9517-a8969e2e8096\","
            + "\"updated_by\":{},\"project\":\"249fa610-2efe-4e7f-afef-4b963837ea4b\","
            + "\"workspace\":\"d91fe38c-48b3-4fad-aaab-65deaf8c9221\",\"parent\":{},"
            + "\"state\":{\"id\":\"8fb6c629-5bde-401a-b2b1-56ac08e11f1b\",\"name\":\"Done\",\"color\":\"#46A758\","
            + "\"group\":\"completed\"},\"estimate_point\":null,\"type\":null,\"some_future_field\":[1,2,{\"x\":null}],"
            + "\"labels\":[{\"id\":\"42a4ca73-0b5c-45e3-af89-82037b274124\",\"created_at\":\"2026-03-02T08:10:44.660071Z\","
            + "\"updated_at\":\"2026-03-02T08:10:44Z\",\"deleted_at\":null,\"name\":\"🔥 hotfix\",\"description\":\"\","
            + "\"color\":\"#f76b15\",\"sort_order\":125535.0,\"external_source\":null,\"external_id\":null,"
            + "\"created_by\":\"f53bab21-4e93-4c60-a2be-13b3c7cac502\",\"updated_by\":null,"
            + "\"workspace\":\"d91fe38c-48b3-4fad-aaab-65deaf8c9221\",\"project\":\"249fa610-2efe-4e7f-afef-4b963837ea4b\","
            + "\"parent\":null},{\"id\":\"deb0d161-39d9-4080-8ff2-d8f20910ddd2\",\"name\":\"bug\",\"color\":\"#e5484d\"}],"
            + "\"assignees\":[{\"id\":\"0d0fb7b6-77bc-4d0f-8e75-a3ec0d182272\",\"first_name\":\"Kenji\","
            + "\"last_name\":\"Satō\",\"email\":\"kenji.sato@northwind.example\",\"avatar\":\"\",\"avatar_url\":null,"
            + "\"display_name\":\"kenji\"},{\"id\":\"12827682-da3d-4ba3-9517-a8969e2e8096\",\"first_name\":\"Priya\","
            + "\"last_name\":\"Raman\",\"email\":\"priya.raman@northwind.example\",\"avatar\":\"\","
            + "\"avatar_url\":\"/api/assets/v2/static/0b8a/\",\"display_name\":\"\"}]}";

    private static ObjectNode expanded() throws Exception {
        return (ObjectNode) JSON.readTree(EXPANDED);
    }

    private static Optional<Issue> read(JsonNode node) {
        return PlaneIssueReader.read(node, MOB, id -> Optional.empty());
    }

    @Test
    void expandedListItem_mapsEveryFieldTheSyncUses() throws Exception {
        Issue issue = read(expanded()).orElseThrow();

        assertThat(issue.id()).isEqualTo("db214324-376b-4f6f-88d0-e42537734d90");
        assertThat(issue.sequenceId()).isEqualTo(10);
        assertThat(issue.name()).isEqualTo("Crash when opening deep link with emoji 🧨 in query");
        assertThat(issue.description()).isEqualTo("Repro: northwind://job?q=%F0%9F%A7%A8 → NPE in UriParser.");
        assertThat(issue.state().name()).isEqualTo("Done");
        assertThat(issue.state().group()).isEqualTo(StateGroup.COMPLETED);
        assertThat(issue.priority()).isEqualTo(Priority.URGENT);
        assertThat(issue.labels()).containsExactly("🔥 hotfix", "bug");
        assertThat(issue.assigneeNames()).containsExactly("kenji", "Priya Raman");
        assertThat(issue.assignees().get(0).id()).isEqualTo("0d0fb7b6-77bc-4d0f-8e75-a3ec0d182272");
        assertThat(issue.assignees().get(0).email()).isEqualTo("kenji.sato@northwind.example");
        assertThat(issue.project()).isEqualTo(MOB);
        assertThat(issue.startDate()).isEmpty();
        assertThat(issue.targetDate()).contains(LocalDate.of(2026, 4, 30));
        assertThat(issue.updatedAt()).contains(Instant.parse("2026-04-29T11:05:49.917342Z"));
    }

    @Test
    void datetimes_withAnyOffsetAndWithoutMicroseconds_areRead() throws Exception {
        ObjectNode node = expanded();
        node.put("updated_at", "2026-03-02T08:00:00Z");
        assertThat(read(node).orElseThrow().updatedAt()).contains(Instant.parse("2026-03-02T08:00:00Z"));
        node.put("updated_at", "2026-03-02T03:00:00-05:00");
        assertThat(read(node).orElseThrow().updatedAt()).contains(Instant.parse("2026-03-02T08:00:00Z"));
        node.put("updated_at", "2026-03-02T13:30:00.5+05:30");
        assertThat(read(node).orElseThrow().updatedAt()).contains(Instant.parse("2026-03-02T08:00:00.5Z"));
    }

    @Test
    void itemsPlaneNeverLists_draftArchivedDeletedTriage_areSkipped() throws Exception {
        assertThat(read(expanded().put("is_draft", true))).isEmpty();
        assertThat(read(expanded().put("archived_at", "2026-05-01"))).isEmpty();
        assertThat(read(expanded().put("deleted_at", "2026-05-01T10:00:00Z"))).isEmpty();
        ObjectNode triage = expanded();
        ((ObjectNode) triage.get("state")).put("group", "triage");
        assertThat(read(triage)).isEmpty();
    }

    @Test
    void missingOptionalFields_readAsEmpty() throws Exception {
        ObjectNode node = expanded();
        node.remove("labels");
        node.remove("assignees");
        node.remove("updated_at");
        node.remove("priority");
        node.put("description_html", "");
        node.put("description_stripped", "plain");

        Issue issue = read(node).orElseThrow();

        assertThat(issue.labels()).isEmpty();
        assertThat(issue.assignees()).isEmpty();
        assertThat(issue.updatedAt()).isEmpty();
        assertThat(issue.priority()).isEqualTo(Priority.NONE);
        assertThat(issue.description()).isEqualTo("plain");
    }

    @Test
    void unexpandedOrEmptyState_isUnreadable() throws Exception {
        assertThatThrownBy(() -> read(expanded().put("state", "8fb6c629-5bde-401a-b2b1-56ac08e11f1b")))
                .isInstanceOf(UnreadableItemException.class).hasMessageContaining("state");
        assertThatThrownBy(() -> read(expanded().set("state", JSON.createObjectNode())))
                .isInstanceOf(UnreadableItemException.class).hasMessageContaining("state");
    }

    @Test
    void malformedFields_areUnreadable_withTheFieldNamed() throws Exception {
        assertThatThrownBy(() -> read(expanded().put("target_date", "30/04/2026")))
                .isInstanceOf(UnreadableItemException.class).hasMessageContaining("target_date");
        assertThatThrownBy(() -> read(expanded().put("updated_at", "yesterday")))
                .isInstanceOf(UnreadableItemException.class).hasMessageContaining("updated_at");
        assertThatThrownBy(() -> read(expanded().put("sequence_id", "ten")))
                .isInstanceOf(UnreadableItemException.class).hasMessageContaining("sequence_id");
        assertThatThrownBy(() -> read(expanded().putNull("id")))
                .isInstanceOf(UnreadableItemException.class).hasMessageContaining("id");
        ObjectNode unexpandedLabels = expanded();
        unexpandedLabels.putArray("labels").add("deb0d161-39d9-4080-8ff2-d8f20910ddd2");
        assertThatThrownBy(() -> read(unexpandedLabels))
                .isInstanceOf(UnreadableItemException.class).hasMessageContaining("labels");
        ObjectNode unknownGroup = expanded();
        ((ObjectNode) unknownGroup.get("state")).put("group", "review");
        assertThatThrownBy(() -> read(unknownGroup))
                .isInstanceOf(UnreadableItemException.class).hasMessageContaining("review");
    }

    @Test
    void mentionsInTheDescription_useTheDirectory() throws Exception {
        ObjectNode node = expanded().put("description_html",
                "<p>Ask <mention-component entity_identifier=\"u-1\" entity_name=\"user_mention\"></mention-component></p>");

        Issue issue = PlaneIssueReader.read(node, MOB, id -> id.equals("u-1") ? Optional.of("priya") : Optional.empty())
                .orElseThrow();

        assertThat(issue.description()).isEqualTo("Ask @priya");
    }
}
