package io.calplanebot.adapter.plane;

import io.calplanebot.adapter.plane.testing.FakePlane;
import io.calplanebot.adapter.plane.testing.FakeUser;
import io.calplanebot.adapter.plane.testing.RecordedRequest;
import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.Priority;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.domain.StateGroup;
import io.calplanebot.core.port.out.IssueListing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class PlaneIssueSourceIT {
    private FakePlane plane;
    private PlaneIssueSource source;

    @BeforeEach
    void start() {
        plane = FakePlane.start();
        plane.faults().rateLimit(100_000, java.time.Duration.ofMinutes(1));
    }

    @AfterEach
    void stop() {
        if (source != null) {
            source.close();
        }
        plane.close();
    }

    private PlaneIssueSource source(PlaneSettings.Builder settings) {
        source = PlaneIssueSource.builder().settings(settings.build()).build();
        return source;
    }

    private PlaneSettings.Builder settings() {
        return PlaneSettings.builder().baseUrl(plane.baseUrl()).apiKey(plane.apiKey())
                .workspaceSlug(plane.workspaceSlug()).rateLimitPerMinute(60_000);
    }

    @Test
    void listing_threeProjectsOf250Issues_pagedAt100_returnsEveryIssueOnce() {
        List<String> projectIds = List.of(plane.addProject("MOB", "Mobile"), plane.addProject("WEB", "Web"),
                plane.addProject("OPS", "Operations"));
        for (String id : projectIds) {
            plane.addIssues(id, 250, "Task");
        }
        PlaneIssueSource source = source(settings());

        List<Project> projects = source.listProjects();
        assertThat(projects).extracting(Project::identifier).containsExactly("MOB", "WEB", "OPS");
        plane.clearRequests();
        for (Project project : projects) {
            IssueListing listing = source.listIssues(project);
            assertThat(listing.complete()).isTrue();
            assertThat(listing.issues()).hasSize(250);
            assertThat(listing.issues().stream().map(Issue::id).distinct().count()).isEqualTo(250);
            assertThat(listing.issues()).allMatch(i -> i.project().equals(project));
        }
        List<RecordedRequest> pages = plane.requests();
        assertThat(pages).hasSize(9).allMatch(RecordedRequest::isIssueListing);
        assertThat(pages).allSatisfy(r -> {
            assertThat(r.param("per_page")).contains("100");
            assertThat(r.param("expand")).contains("state,labels,assignees");
            assertThat(r.header("X-API-Key")).contains(plane.apiKey());
            assertThat(r.status()).isEqualTo(200);
        });
        assertThat(pages.subList(0, 3)).extracting(r -> r.param("cursor").orElse("-"))
                .containsExactly("-", "100:1:0", "100:2:0");
    }

    @Test
    void listing_mapsEveryField_fromExpandedIssueJson() {
        String projectId = plane.addProject("MOB", "Mobile");
        FakeUser priya = plane.addUser("Priya", "Raman", "priya");
        String issueId = plane.addIssue(projectId, d -> d.name("Crash 🧨 on deep link").state("Done")
                .priority("urgent").labels("bug", "🔥 hotfix").assignees(priya.id())
                .startDate(LocalDate.of(2026, 4, 20)).targetDate(LocalDate.of(2026, 4, 30))
                .descriptionHtml("<p class=\"editor-paragraph-block\">Repro: <code>x</code> &rarr; NPE</p>"));
        plane.setUserTimezone(ZoneId.of("Asia/Kolkata"));
        PlaneIssueSource source = source(settings());

        Issue issue = source.listIssues(source.listProjects().get(0)).issues().get(0);

        assertThat(issue.id()).isEqualTo(issueId);
        assertThat(issue.sequenceId()).isEqualTo(1);
        assertThat(issue.key()).isEqualTo("MOB-1");
        assertThat(issue.name()).isEqualTo("Crash 🧨 on deep link");
        assertThat(issue.description()).isEqualTo("Repro: x → NPE");
        assertThat(issue.state().name()).isEqualTo("Done");
        assertThat(issue.state().group()).isEqualTo(StateGroup.COMPLETED);
        assertThat(issue.priority()).isEqualTo(Priority.URGENT);
        assertThat(issue.labels()).containsExactly("bug", "🔥 hotfix");
        assertThat(issue.assignees()).containsExactly("priya");
        assertThat(issue.startDate()).contains(LocalDate.of(2026, 4, 20));
        assertThat(issue.targetDate()).contains(LocalDate.of(2026, 4, 30));
        assertThat(issue.updatedAt()).isPresent();
        assertThat(issue.updatedAt().get()).isBefore(Instant.now().plusSeconds(1)).isAfter(Instant.now().minusSeconds(60));
        assertThat(plane.requests()).anySatisfy(r -> assertThat(r.status()).isEqualTo(200));
    }
}
