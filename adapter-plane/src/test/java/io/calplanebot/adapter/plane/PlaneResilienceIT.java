package io.calplanebot.adapter.plane;

import io.calplanebot.sample.RecordedRequest;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.port.out.IssueListing;
import io.calplanebot.core.port.out.IssueSourceException;
import io.calplanebot.core.port.out.IssueSourceException.Reason;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlaneResilienceIT extends FakePlaneSupport {

    private Project projectWith(int issues) {
        String id = plane.addProject("MOB", "Mobile");
        plane.addIssues(id, issues, "Task");
        return new Project(id, "MOB", "Mobile");
    }

    @Test
    void throttledListing_waitsForRetryAfter_andCompletes() {
        Project project = projectWith(250);
        plane.faults().rateLimit(2, Duration.ofSeconds(1));
        PlaneIssueSource source = source(settings().perPage(100).maxAttempts(4));
        long started = System.nanoTime();

        IssueListing listing = source.listIssues(project);

        assertThat(listing.issues()).hasSize(250);
        assertThat(listing.complete()).isTrue();
        List<RecordedRequest> requests = plane.requests();
        assertThat(requests).filteredOn(r -> r.status() == 429).isNotEmpty();
        assertThat(requests).filteredOn(r -> r.status() == 200).hasSize(3);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void throttledBeyondTheAttempts_isRateLimited() {
        Project project = projectWith(5);
        plane.faults().rateLimit(1, Duration.ofSeconds(30));
        PlaneIssueSource source = source(settings().maxAttempts(2).maxRetryAfter(Duration.ofMillis(50)));
        source.listIssues(project);

        IssueSourceException e = failure(Reason.RATE_LIMITED, () -> source.listIssues(project));

        assertThat(e.getMessage()).contains("429");
    }

    @Test
    void listing_failsOnPage2_insteadOfReturningAShortList() {
        Project project = projectWith(250);
        plane.faults().failIssuePage(project.id(), 1, 500);
        PlaneIssueSource source = source(settings().perPage(100));

        IssueSourceException e = failure(Reason.UNREACHABLE, () -> source.listIssues(project));

        assertThat(e.getMessage()).contains("HTTP 500").contains("after 3 attempts");
        assertThat(plane.requests()).filteredOn(r -> r.status() == 500).hasSize(3)
                .allSatisfy(r -> assertThat(r.param("cursor")).contains("100:1:0"));
        assertThat(plane.requests()).noneMatch(r -> r.param("cursor").orElse("").equals("100:2:0"));
    }

    @Test
    void transient5xx_isRetried_withBackoff_andTheListingCompletes() {
        Project project = projectWith(150);
        plane.faults().failNextRequests(2, 502);
        PlaneIssueSource source = source(settings().perPage(100));

        IssueListing listing = source.listIssues(project);

        assertThat(listing.issues()).hasSize(150);
        assertThat(plane.requests()).extracting(RecordedRequest::status).containsExactly(502, 502, 200, 200);
    }

    @Test
    void slowResponse_timesOut_andIsRetried() {
        Project project = projectWith(3);
        plane.faults().delayNextResponses(1, Duration.ofSeconds(2));
        PlaneIssueSource source = source(settings().responseTimeout(Duration.ofMillis(500)));

        assertThat(source.listIssues(project).issues()).hasSize(3);
    }

    @Test
    void unreachablePlane_isUnreachable_andNamesTheHost() {
        PlaneIssueSource source = source(settings().baseUrl("http://127.0.0.1:1").connectTimeout(Duration.ofMillis(300)));

        IssueSourceException e = failure(Reason.UNREACHABLE, source::listProjects);

        assertThat(e.getMessage()).contains("127.0.0.1:1").contains("after 3 attempts");
    }

    @Test
    void probe_ofAThrottlingPlane_triesOnce_andIsRateLimited() {
        plane.faults().rateLimit(0, Duration.ofMinutes(1));
        PlaneIssueSource source = source(settings().maxAttempts(4));

        IssueSourceException e = failure(Reason.RATE_LIMITED, () -> source.checkConnection(Duration.ofSeconds(2)));

        assertThat(e.getMessage()).contains("429").contains("after 1 attempt.");
        assertThat(plane.requests()).hasSize(1);
    }

    @Test
    void probe_ofAPlaneThatAnswersLate_givesUpAtItsTimeout_insteadOfTheClients() {
        plane.faults().delayNextResponses(5, Duration.ofSeconds(3));
        PlaneIssueSource source = source(settings().maxAttempts(3));

        IssueSourceException e = failure(Reason.UNREACHABLE, () -> source.checkConnection(Duration.ofMillis(300)));

        assertThat(e.getMessage()).contains("after 1 attempt:");
    }

    @Test
    void probe_ofAPlaneThatAnswers_passes() {
        projectWith(1);

        source().checkConnection(Duration.ofSeconds(2));

        assertThat(plane.requests()).hasSize(1).allMatch(r -> r.status() == 200);
    }

    @Test
    void clientSideLimiter_letsABurstWithinTheBudgetGoOutAtOnce() {
        Project project = projectWith(10);
        PlaneIssueSource source = source(settings().perPage(1).rateLimitPerMinute(600));
        long started = System.nanoTime();

        assertThat(source.listIssues(project).issues()).hasSize(10);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(plane.requests()).hasSize(10).allMatch(r -> r.status() == 200);
    }

    @Test
    void retriesFailuresAndUnreadableItems_neverPutTheKeyInTheLogs() {
        Project project = projectWith(120);
        plane.overrideIssueField(plane.addIssues(project.id(), 1, "Odd").get(0), "target_date", "soon");
        plane.faults().failNextRequests(1, 503).rateLimit(1, Duration.ofSeconds(1));
        try (CapturedLogs logs = new CapturedLogs()) {
            PlaneIssueSource source = source(settings().maxAttempts(5));
            assertThat(source.listIssues(project).complete()).isFalse();
            plane.faults().rateLimit(1000, Duration.ofSeconds(1)).failIssuePage(project.id(), 0, 500);
            failure(Reason.UNREACHABLE, () -> source.listIssues(project));

            assertThat(logs.lines()).isNotEmpty().anyMatch(line -> line.contains("Retry-After"))
                    .noneMatch(line -> line.contains(plane.apiKey()) || line.contains("plane_api_"));
        }
    }

    @Test
    void gzipResponses_areDecompressed() {
        Project project = projectWith(20);

        assertThat(source().listIssues(project).issues()).hasSize(20);
        assertThat(plane.requests()).allSatisfy(r -> assertThat(r.header("accept-encoding").orElse(""))
                .contains("gzip"));
    }
}
