package io.calplanebot.adapter.plane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calplanebot.sample.FakePlane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The fake itself keeps Plane's contract (plane-api.md), since other modules' tests rely on it. */
class FakePlaneIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private FakePlane plane;
    private String projectId;

    @BeforeEach
    void start() {
        plane = FakePlane.start("acme");
        plane.faults().rateLimit(10_000, Duration.ofMinutes(1));
        projectId = plane.addProject("MOB", "Mobile");
        plane.addIssues(projectId, 14, "Täsk");
    }

    @AfterEach
    void stop() {
        plane.close();
    }

    private HttpResponse<String> get(String pathAndQuery, String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(plane.baseUrl() + pathAndQuery));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return get(pathAndQuery, plane.apiKey());
    }

    private String issues() {
        return "/api/v1/workspaces/acme/projects/" + projectId + "/work-items/";
    }

    @Test
    void authentication_missingKeyIs401_invalidKeyIs403() throws Exception {
        assertThat(get("/api/v1/workspaces/acme/projects/", null)).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).isEqualTo("{\"detail\":\"Authentication credentials were not provided.\"}");
        });
        assertThat(get("/api/v1/workspaces/acme/projects/", "plane_api_nope")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).isEqualTo("{\"detail\":\"Given API token is not valid\"}");
        });
        assertThat(get("/api/v1/workspaces/other/projects/").body())
                .isEqualTo("{\"detail\":\"You do not have permission to perform this action.\"}");
    }

    @Test
    void pagination_nextCursorNeverNull_cursorPageSizeIgnored_andPastTheEndIsEmpty() throws Exception {
        JsonNode last = JSON.readTree(get(issues() + "?per_page=10&cursor=10:1:0").body());
        assertThat(last.get("next_cursor").asText()).isEqualTo("10:2:0");
        assertThat(last.get("next_page_results").asBoolean()).isFalse();
        assertThat(last.get("count").asInt()).isEqualTo(4);
        assertThat(last.get("total_count").asInt()).isEqualTo(14);
        assertThat(last.get("total_pages").asInt()).isEqualTo(2);

        JsonNode followedAlone = JSON.readTree(get(issues() + "?cursor=10:1:0").body());
        assertThat(followedAlone.get("results")).isEmpty();
        assertThat(followedAlone.get("prev_page_results").asBoolean()).isTrue();

        List<String> keys = new ArrayList<>();
        JSON.readTree(get(issues() + "?per_page=5").body()).fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("grouped_by", "sub_grouped_by", "total_count", "next_cursor", "prev_cursor",
                "next_page_results", "prev_page_results", "count", "total_pages", "total_results", "extra_stats",
                "results");
    }

    @Test
    void pagination_invalidParameters_answerLikePlane() throws Exception {
        assertThat(get(issues() + "?per_page=1001").body())
                .isEqualTo("{\"detail\":\"Invalid per_page value. Cannot exceed 1000.\"}");
        assertThat(get(issues() + "?per_page=ten").statusCode()).isEqualTo(400);
        assertThat(get(issues() + "?per_page=0").statusCode()).isEqualTo(500);
        assertThat(get(issues() + "?cursor=abc").body()).isEqualTo("{\"detail\":\"Invalid cursor parameter.\"}");
        assertThat(get(issues() + "?cursor=10:-1:1").body()).isEqualTo("{\"detail\":\"Error in parsing\"}");
        assertThat(JSON.readTree(get(issues()).body()).get("count").asInt()).isEqualTo(14);
    }

    @Test
    void routing_missingSlashRedirects_unknownPathsAndObjectsAre404() throws Exception {
        HttpResponse<String> redirect = get("/api/v1/workspaces/acme/projects?per_page=1");
        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(redirect.headers().firstValue("Location")).contains("/api/v1/workspaces/acme/projects/?per_page=1");
        assertThat(get("/api/v1/workspaces/acme/projects/not-a-uuid/").body())
                .isEqualTo("{\"error\":\"Page not found.\"}");
        assertThat(get(issues() + "0b8a0000-0000-4000-8000-000000000000/").body())
                .isEqualTo("{\"error\":\"The requested resource does not exist.\"}");
    }

    @Test
    void rateLimit_429WithRetryAfter_andRemainingOnSuccess() throws Exception {
        plane.faults().rateLimit(2, Duration.ofSeconds(30));

        HttpResponse<String> first = get(issues());
        get(issues());
        HttpResponse<String> third = get(issues());

        assertThat(first.headers().firstValue("X-RateLimit-Remaining")).contains("1");
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.body()).isEqualTo("{\"error_code\":5900,\"error_message\":\"RATE_LIMIT_EXCEEDED\"}");
        assertThat(third.headers().firstValue("Retry-After").map(Integer::parseInt).orElseThrow()).isBetween(29, 30);
        assertThat(third.headers().firstValue("X-RateLimit-Remaining")).isEmpty();
        assertThat(get(issues(), "plane_api_nope").statusCode()).as("auth failures are not throttled").isEqualTo(403);
    }

    @Test
    void issueJson_hasPlanesKeys_idsUnlessExpanded_andEmptyObjectsForExpandedNulls() throws Exception {
        JsonNode plain = JSON.readTree(get(issues() + "?per_page=1").body()).get("results").get(0);
        List<String> keys = new ArrayList<>();
        plain.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("id", "type_id", "created_at", "updated_at", "deleted_at", "point", "name",
                "description_html", "description_binary", "priority", "start_date", "target_date", "sequence_id",
                "sort_order", "completed_at", "archived_at", "is_draft", "external_source", "external_id",
                "created_by", "updated_by", "project", "workspace", "parent", "state", "estimate_point", "type",
                "assignees", "labels");
        assertThat(plain.get("state").isTextual()).isTrue();
        assertThat(plain.get("sort_order").isDouble()).isTrue();

        JsonNode expanded = JSON.readTree(get(issues() + "?per_page=1&expand=state,parent,updated_by").body())
                .get("results").get(0);
        assertThat(expanded.get("state").get("group").asText()).isEqualTo("backlog");
        assertThat(expanded.get("parent").isObject() && expanded.get("parent").isEmpty()).isTrue();
        assertThat(expanded.get("updated_by").isObject() && expanded.get("updated_by").isEmpty()).isTrue();
        assertThat(get(issues() + "?per_page=1").body()).contains("Täsk");
    }

    @Test
    void projectJson_carriesTheListAnnotations_andArchivedProjectsStayListed() throws Exception {
        plane.archiveProject(projectId);

        JsonNode project = JSON.readTree(get("/api/v1/workspaces/acme/projects/").body()).get("results").get(0);

        assertThat(project.get("is_member").asBoolean()).isTrue();
        assertThat(project.get("identifier").asText()).isEqualTo("MOB");
        assertThat(project.get("archived_at").isTextual()).isTrue();
        assertThat(JSON.readTree(get(issues()).body()).get("results")).isEmpty();
    }
}
