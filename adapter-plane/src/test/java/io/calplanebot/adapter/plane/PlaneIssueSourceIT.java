package io.calplanebot.adapter.plane;

import io.calplanebot.sample.FakeUser;
import io.calplanebot.sample.RecordedRequest;
import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.Priority;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.domain.StateGroup;
import io.calplanebot.core.port.out.IssueListing;
import io.calplanebot.core.port.out.IssueSourceException.Reason;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlaneIssueSourceIT extends FakePlaneSupport {

    @Test
    void listing_threeProjectsOf250Issues_pagedAt100_returnsEveryIssueOnce() {
        List<String> projectIds = List.of(plane.addProject("MOB", "Mobile"), plane.addProject("WEB", "Web"),
                plane.addProject("OPS", "Operations"));
        for (String id : projectIds) {
            plane.addIssues(id, 250, "Task");
        }
        PlaneIssueSource source = source(settings().perPage(100));

        List<Project> projects = source.listProjects();
        assertThat(projects).extracting(Project::identifier).containsExactly("MOB", "WEB", "OPS");
        plane.clearRequests();
        for (Project project : projects) {
            IssueListing listing = source.listIssues(project);
            assertThat(listing.complete()).isTrue();
            assertThat(listing.issues()).hasSize(250).allMatch(i -> i.project().equals(project));
            assertThat(listing.issues().stream().map(Issue::id).distinct().count()).isEqualTo(250);
        }
        List<RecordedRequest> pages = plane.requests();
        assertThat(pages).hasSize(9).allMatch(RecordedRequest::isIssueListing);
        assertThat(pages).allSatisfy(r -> {
            assertThat(r.param("per_page")).contains("100");
            assertThat(r.param("expand")).contains("state,labels,assignees");
            assertThat(r.param("order_by")).contains("created_at");
            assertThat(r.header("X-API-Key")).contains(plane.apiKey());
            assertThat(r.path()).endsWith("/work-items/");
            assertThat(r.status()).isEqualTo(200);
        });
        assertThat(pages.subList(0, 3)).extracting(r -> r.param("cursor").orElse("-"))
                .containsExactly("-", "100:1:0", "100:2:0");
    }

    @Test
    void listing_exactMultipleOfThePageSize_stopsOnNextPageResultsFalse() {
        String projectId = plane.addProject("MOB", "Mobile");
        plane.addIssues(projectId, 200, "Task");
        PlaneIssueSource source = source(settings().perPage(100));
        Project project = source.listProjects().get(0);
        plane.clearRequests();

        assertThat(source.listIssues(project).issues()).hasSize(200);
        assertThat(plane.requests()).hasSize(2);
    }

    @Test
    void listing_byDefault_asksForPlanesLargestPage_soOneRequestReadsAThousandIssues() {
        String projectId = plane.addProject("MOB", "Mobile");
        plane.addIssues(projectId, 1500, "Task");
        PlaneIssueSource source = source();
        Project project = source.listProjects().get(0);
        plane.clearRequests();

        assertThat(source.listIssues(project).issues()).hasSize(1500);
        assertThat(plane.requests()).extracting(r -> r.param("per_page").orElse("") + "@" + r.param("cursor")
                .orElse("-")).containsExactly("1000@-", "1000@1000:1:0");
    }

    @Test
    void listing_onAPlaneThatCapsThePageSizeLower_usesItsLimit_fromThenOn() {
        String projectId = plane.addProject("MOB", "Mobile");
        plane.addIssues(projectId, 120, "Task");
        plane.faults().maxPerPage(50);
        PlaneIssueSource source = source();
        plane.clearRequests();
        Project project = source.listProjects().get(0);

        assertThat(source.listIssues(project).issues()).hasSize(120);
        assertThat(source.listIssues(project).issues()).hasSize(120);
        assertThat(plane.requests()).extracting(r -> r.param("per_page").orElse("") + "@" + r.status())
                .containsExactly("1000@400", "50@200", "50@200", "50@200", "50@200", "50@200", "50@200", "50@200");
    }

    @Test
    void listing_customPageSize_isResentWithEveryCursor() {
        String projectId = plane.addProject("MOB", "Mobile");
        plane.addIssues(projectId, 7, "Task");
        PlaneIssueSource source = source(settings().perPage(3));
        Project project = source.listProjects().get(0);
        plane.clearRequests();

        assertThat(source.listIssues(project).issues()).hasSize(7);
        assertThat(plane.requests()).extracting(r -> r.param("per_page").orElse("") + "@" + r.param("cursor")
                .orElse("-")).containsExactly("3@-", "3@3:1:0", "3@3:2:0");
    }

    @Test
    void listing_mapsEveryField_fromExpandedIssueJson_inTheKeyOwnersTimezone() {
        String projectId = plane.addProject("MOB", "Mobile");
        FakeUser priya = plane.addUser("Priya", "Raman", "priya");
        String issueId = plane.addIssue(projectId, d -> d.name("Crash 🧨 on deep link").state("Done")
                .priority("urgent").labels("bug", "🔥 hotfix").assignees(priya.id())
                .startDate(LocalDate.of(2026, 4, 20)).targetDate(LocalDate.of(2026, 4, 30))
                .descriptionHtml("<p class=\"editor-paragraph-block\">Repro: <code>x</code> &rarr; NPE</p>"));
        plane.setUserTimezone(ZoneId.of("Asia/Kolkata"));
        PlaneIssueSource source = source();
        Instant before = Instant.now();

        Issue issue = source.listIssues(source.listProjects().get(0)).issues().get(0);

        assertThat(issue.id()).isEqualTo(issueId);
        assertThat(issue.key()).isEqualTo("MOB-1");
        assertThat(issue.name()).isEqualTo("Crash 🧨 on deep link");
        assertThat(issue.description()).isEqualTo("Repro: x → NPE");
        assertThat(issue.state().name()).isEqualTo("Done");
        assertThat(issue.state().group()).isEqualTo(StateGroup.COMPLETED);
        assertThat(issue.priority()).isEqualTo(Priority.URGENT);
        assertThat(issue.labels()).containsExactly("bug", "🔥 hotfix");
        assertThat(issue.assigneeNames()).containsExactly("priya");
        assertThat(issue.startDate()).contains(LocalDate.of(2026, 4, 20));
        assertThat(issue.targetDate()).contains(LocalDate.of(2026, 4, 30));
        assertThat(issue.updatedAt().orElseThrow()).isBefore(before).isAfter(before.minusSeconds(60));
    }

    @Test
    void listing_leavesOutWhatPlaneHides_deletedArchivedDraftAndTriage() {
        String projectId = plane.addProject("MOB", "Mobile");
        List<String> ids = plane.addIssues(projectId, 5, "Task");
        plane.deleteIssue(ids.get(0));
        plane.archiveIssue(ids.get(1));
        plane.makeDraft(ids.get(2));
        plane.moveToTriage(ids.get(3));
        PlaneIssueSource source = source();

        IssueListing listing = source.listIssues(source.listProjects().get(0));

        assertThat(listing.issues()).extracting(Issue::id).containsExactly(ids.get(4));
        assertThat(listing.complete()).isTrue();
    }

    @Test
    void listing_withAnUnreadableItem_isIncomplete_andKeepsTheOthers() {
        String projectId = plane.addProject("MOB", "Mobile");
        List<String> ids = plane.addIssues(projectId, 4, "Task");
        plane.overrideIssueField(ids.get(1), "target_date", "31/12/2026");
        plane.overrideIssueField(ids.get(2), "state", Map.of());
        PlaneIssueSource source = source();

        IssueListing listing = source.listIssues(source.listProjects().get(0));

        assertThat(listing.complete()).isFalse();
        assertThat(listing.issues()).extracting(Issue::id).containsExactly(ids.get(0), ids.get(3));
    }

    @Test
    void listing_duplicateIds_areReturnedOnce() {
        String projectId = plane.addProject("MOB", "Mobile");
        List<String> ids = plane.addIssues(projectId, 3, "Task");
        plane.overrideIssueField(ids.get(2), "id", ids.get(0));
        PlaneIssueSource source = source(settings().perPage(1));

        IssueListing listing = source.listIssues(source.listProjects().get(0));

        assertThat(listing.issues()).extracting(Issue::id).containsExactly(ids.get(0), ids.get(1));
        assertThat(listing.complete()).isTrue();
    }

    @Test
    void listing_issueDeletedBetweenPages_isReadAgain_soNoIssueIsSkipped() {
        String projectId = plane.addProject("MOB", "Mobile");
        List<String> ids = plane.addIssues(projectId, 250, "Task");
        plane.faults().beforeIssuePage(projectId, 1, () -> plane.deleteIssue(ids.get(0)));
        PlaneIssueSource source = source(settings().perPage(100));

        IssueListing listing = source.listIssues(source.listProjects().get(0));

        assertThat(listing.complete()).isTrue();
        assertThat(listing.issues()).extracting(Issue::id).containsExactlyElementsOf(ids.subList(1, 250));
    }

    @Test
    void listProjects_skipsArchivedAndNonMemberProjects_inCreationOrder() {
        String web = plane.addProject("WEB", "Web");
        String mob = plane.addProject("MOB", "Mobile");
        String old = plane.addProject("OLD", "Old");
        plane.addPublicProjectWithoutMe("PUB", "Public");
        plane.archiveProject(old);

        List<Project> projects = source().listProjects();

        assertThat(projects).extracting(Project::id).containsExactly(web, mob);
        assertThat(projects.get(1)).isEqualTo(new Project(mob, "MOB", "Mobile"));
        assertThat(plane.requests()).allSatisfy(r -> assertThat(r.param("order_by")).contains("created_at"));
    }

    @Test
    void listProjects_filter_matchesIdentifiersCaseInsensitivelyAndIds() {
        plane.addProject("WEB", "Web");
        String mob = plane.addProject("MOB", "Mobile");
        String ops = plane.addProject("OPS", "Operations");

        List<Project> projects = source(settings().projects(List.of("mob", ops.toUpperCase()))).listProjects();

        assertThat(projects).extracting(Project::id).containsExactly(mob, ops);
    }

    @Test
    void listProjects_filterNamingAPublicProjectIAmNotIn_keepsIt_andItsListingSaysWhy() {
        String pub = plane.addPublicProjectWithoutMe("PUB", "Public");
        PlaneIssueSource source = source(settings().projects(List.of("PUB")));

        Project project = source.listProjects().get(0);

        assertThat(project.id()).isEqualTo(pub);
        assertThat(failure(Reason.ACCESS_DENIED, () -> source.listIssues(project)).getMessage())
                .contains("not a member of project PUB");
    }

    @Test
    void findProject_returnsFreshData_andEmptyForArchivedFilteredOrUnknownProjects() {
        String mob = plane.addProject("MOB", "Mobile");
        String web = plane.addProject("WEB", "Web");
        String old = plane.addProject("OLD", "Old");
        plane.archiveProject(old);
        PlaneIssueSource source = source(settings().projects(List.of("MOB", "OLD")));
        plane.renameProject(mob, "Mobile apps");

        assertThat(source.findProject(mob)).contains(new Project(mob, "MOB", "Mobile apps"));
        assertThat(source.findProject(web)).isEmpty();
        assertThat(source.findProject(old)).isEmpty();
        assertThat(source.findProject("2d5a1c6e-0000-4000-8000-000000000000")).isEmpty();
        assertThat(source.findProject("not-a-uuid")).isEmpty();
        plane.deleteProject(mob);
        assertThat(source.findProject(mob)).isEmpty();
    }

    @Test
    void findIssue_returnsTheIssue_andEmptyWhenPlaneAnswers404() {
        String mob = plane.addProject("MOB", "Mobile");
        String web = plane.addProject("WEB", "Web");
        List<String> ids = plane.addIssues(mob, 4, "Task");
        plane.setTargetDate(ids.get(0), LocalDate.of(2026, 6, 1));
        plane.deleteIssue(ids.get(1));
        plane.archiveIssue(ids.get(2));
        PlaneIssueSource source = source();

        Issue issue = source.findIssue(mob, ids.get(0)).orElseThrow();
        assertThat(issue.targetDate()).contains(LocalDate.of(2026, 6, 1));
        assertThat(issue.project()).isEqualTo(new Project(mob, "MOB", "Mobile"));
        assertThat(source.findIssue(mob, ids.get(1))).isEmpty();
        assertThat(source.findIssue(mob, ids.get(2))).isEmpty();
        assertThat(source.findIssue(web, ids.get(3))).isEmpty();
        assertThat(plane.requests()).filteredOn(r -> r.path().contains(ids.get(0)))
                .allSatisfy(r -> assertThat(r.param("expand")).contains("state,labels,assignees"));
    }

    @Test
    void findIssue_inAProjectThatIsNotMirrored_isEmpty() {
        String mob = plane.addProject("MOB", "Mobile");
        String web = plane.addProject("WEB", "Web");
        String issue = plane.addIssues(web, 1, "Task").get(0);
        plane.addIssues(mob, 1, "Task");

        assertThat(source(settings().projects(List.of("MOB"))).findIssue(web, issue)).isEmpty();
    }

    @Test
    void olderPlaneWithoutWorkItemsRoute_isReadThroughTheIssuesRoute() {
        String mob = plane.addProject("MOB", "Mobile");
        List<String> ids = plane.addIssues(mob, 3, "Task");
        plane.faults().legacyRoutesOnly(true);
        PlaneIssueSource source = source();

        assertThat(source.listIssues(source.listProjects().get(0)).issues()).hasSize(3);
        assertThat(source.findIssue(mob, ids.get(0))).isPresent();
        assertThat(plane.requests()).filteredOn(r -> r.path().contains("/issues/")).hasSize(2);
        assertThat(plane.requests()).filteredOn(r -> r.path().contains("/work-items/")).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(404));
    }

    @Test
    void checkConnection_makesOneCheapAuthenticatedRequest() {
        plane.addProject("MOB", "Mobile");
        plane.addProject("WEB", "Web");

        source().checkConnection();

        assertThat(plane.requests()).singleElement().satisfies(r -> {
            assertThat(r.param("per_page")).contains("1");
            assertThat(r.header("x-api-key")).contains(plane.apiKey());
            assertThat(r.status()).isEqualTo(200);
        });
    }
}
