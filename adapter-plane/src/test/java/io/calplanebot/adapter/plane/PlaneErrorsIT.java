package io.calplanebot.adapter.plane;

import io.calplanebot.core.domain.Project;
import io.calplanebot.core.port.out.IssueSourceException;
import io.calplanebot.core.port.out.IssueSourceException.Reason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlaneErrorsIT extends FakePlaneSupport {

    @Test
    void missingKey_401_saysNoKeyWasSent() {
        IssueSourceException e = failure(Reason.AUTHENTICATION, () -> source(settings().apiKey("")).listProjects());

        assertThat(e.getMessage()).contains("no API key was sent").contains("401").contains("PLANE_API_TOKEN");
        assertThat(plane.requests()).singleElement().satisfies(r -> {
            assertThat(r.header("x-api-key")).isEmpty();
            assertThat(r.status()).isEqualTo(401);
        });
    }

    @Test
    void invalidKey_403WithTheTokenError_saysTheKeyIsRejected_andNeverShowsIt() {
        String wrongKey = "plane_api_ffffffffffffffffffffffffffffffff";
        try (CapturedLogs logs = new CapturedLogs()) {
            IssueSourceException e = failure(Reason.AUTHENTICATION,
                    () -> source(settings().apiKey(wrongKey)).checkConnection());

            assertThat(e.getMessage()).contains("rejected the API key").contains("403")
                    .contains("unknown, deactivated or expired").doesNotContain(wrongKey);
            assertThat(logs.lines()).noneMatch(line -> line.contains(wrongKey) || line.contains(plane.apiKey()));
        }
    }

    @Test
    void rotatedKey_isAnAuthenticationFailure() {
        PlaneIssueSource source = source();
        source.checkConnection();
        plane.rotateApiKey();

        failure(Reason.AUTHENTICATION, source::checkConnection);
    }

    @Test
    void notAProjectMember_403_namesTheProject() {
        String mob = plane.addProject("MOB", "Mobile");
        PlaneIssueSource source = source();
        Project project = source.listProjects().get(0);
        plane.removeMeFromProject(mob);

        IssueSourceException e = failure(Reason.ACCESS_DENIED, () -> source.listIssues(project));

        assertThat(e.getMessage()).contains("not a member of project MOB (" + mob + ")").contains("403");
    }

    @Test
    void unknownProjectId_403_likeNonMembership() {
        PlaneIssueSource source = source();
        Project ghost = new Project("5b0e8a53-0000-4000-8000-000000000000", "GHO", "Ghost");

        IssueSourceException e = failure(Reason.ACCESS_DENIED, () -> source.listIssues(ghost));

        assertThat(e.getMessage()).contains("or that project does not exist");
    }

    @Test
    void unknownWorkspace_403_saysCheckTheSlug() {
        IssueSourceException e = failure(Reason.ACCESS_DENIED,
                () -> source(settings().workspaceSlug("no-such-workspace")).listProjects());

        assertThat(e.getMessage()).contains("workspace 'no-such-workspace'").contains("PLANE_WORKSPACE_SLUG");
    }

    @Test
    void notAWorkspaceMember_403_saysSo() {
        plane.setMyWorkspaceRole(0);

        IssueSourceException e = failure(Reason.ACCESS_DENIED, () -> source().checkConnection());

        assertThat(e.getMessage()).contains("not a member of workspace '" + plane.workspaceSlug() + "'");
    }

    @Test
    void wrongBaseUrl_404PageNotFound_pointsAtTheBaseUrl() {
        IssueSourceException e = failure(Reason.NOT_FOUND,
                () -> source(settings().baseUrl(plane.baseUrl() + "/plane")).listProjects());

        assertThat(e.getMessage()).contains("PLANE_BASE_URL");
    }

    @Test
    void baseUrlPastedWithApiV1_works() {
        plane.addProject("MOB", "Mobile");

        List<Project> projects = source(settings().baseUrl(plane.baseUrl() + "/api/v1/")).listProjects();

        assertThat(projects).extracting(Project::identifier).containsExactly("MOB");
        assertThat(plane.requests()).allSatisfy(r -> assertThat(r.path()).startsWith("/api/v1/workspaces/"));
    }

    @Test
    void redirect_isNotFollowed_andTheMessageSaysWhereItPointed() {
        plane.faults().redirectEverythingTo("https://plane.example.com/");

        IssueSourceException e = failure(Reason.INVALID_RESPONSE, () -> source().listProjects());

        assertThat(e.getMessage()).contains("redirected").contains("301").contains("https://plane.example.com/");
        assertThat(plane.requests()).hasSize(1);
    }
}
