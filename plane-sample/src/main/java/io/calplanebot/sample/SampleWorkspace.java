package io.calplanebot.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bundled sample workspace ({@code sample-workspace.json}): three projects with about twenty issues whose due
 * dates lie around a given day, with labels, assignees (with e-mail addresses), priorities and states, completed and
 * cancelled ones included.
 */
public final class SampleWorkspace {
    private static final String RESOURCE = "sample-workspace.json";

    private final JsonNode tree;

    private SampleWorkspace(JsonNode tree) {
        this.tree = tree;
    }

    /** Reads the bundled workspace. */
    public static SampleWorkspace bundled() {
        try (InputStream in = SampleWorkspace.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return new SampleWorkspace(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public String slug() {
        return tree.path("workspace").asText();
    }

    /** Starts a Plane server on a free 127.0.0.1 port holding this workspace, due dates counted from {@code today}. */
    public FakePlane start(LocalDate today) {
        FakePlane plane = FakePlane.start(slug());
        populate(plane, today);
        return plane;
    }

    /** Adds this workspace's people, projects, labels and issues to {@code plane}; returns the new issues' ids. */
    public List<String> populate(FakePlane plane, LocalDate today) {
        Map<String, String> people = new HashMap<>();
        people.put(plane.me().displayName(), plane.me().id());
        for (JsonNode person : tree.path("people")) {
            FakeUser user = plane.addUser(person.path("first_name").asText(), person.path("last_name").asText(),
                    person.path("display_name").asText());
            people.put(user.displayName(), user.id());
        }
        List<String> issueIds = new ArrayList<>();
        for (JsonNode project : tree.path("projects")) {
            String projectId = plane.addProject(project.path("identifier").asText(), project.path("name").asText());
            people.values().forEach(userId -> plane.addMemberToProject(projectId, userId));
            for (JsonNode label : project.path("labels")) {
                plane.addLabel(projectId, label.path("name").asText(), label.path("color").asText());
            }
            for (JsonNode issue : project.path("issues")) {
                issueIds.add(plane.addIssue(projectId, draft -> describe(issue, people, today, draft)));
            }
        }
        return issueIds;
    }

    private static void describe(JsonNode issue, Map<String, String> people, LocalDate today, IssueDraft draft) {
        draft.name(issue.path("name").asText()).state(issue.path("state").asText())
                .priority(issue.path("priority").asText("none"));
        if (issue.has("due")) {
            draft.targetDate(today.plusDays(issue.path("due").asLong()));
        }
        if (issue.has("description")) {
            draft.descriptionHtml(issue.path("description").asText());
        }
        List<String> labels = new ArrayList<>();
        issue.path("labels").forEach(label -> labels.add(label.asText()));
        draft.labels(labels.toArray(String[]::new));
        List<String> assignees = new ArrayList<>();
        for (JsonNode name : issue.path("assignees")) {
            String id = people.get(name.asText());
            if (id == null) {
                throw new IllegalStateException(RESOURCE + ": unknown assignee " + name.asText());
            }
            assignees.add(id);
        }
        draft.assignees(assignees.toArray(String[]::new));
    }
}
