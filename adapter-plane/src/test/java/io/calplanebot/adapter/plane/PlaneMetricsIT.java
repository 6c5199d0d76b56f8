package io.calplanebot.adapter.plane;

import io.calplanebot.core.port.out.IssueSourceException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The source times its own calls: {@code calplanebot_plane_requests} by operation and outcome. */
class PlaneMetricsIT extends FakePlaneSupport {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private long count(String operation, String outcome) {
        return registry.get("calplanebot_plane_requests").tag("operation", operation).tag("outcome", outcome)
                .timer().count();
    }

    @Test
    void everyOperation_hasItsOkSeriesAtZero_fromTheStart() {
        try (PlaneIssueSource ignored = PlaneIssueSource.builder().settings(settings().build())
                .meterRegistry(registry).build()) {
            List.of("list_projects", "list_issues", "get_issue", "get_project", "check")
                    .forEach(operation -> assertThat(count(operation, "ok")).as(operation).isZero());
        }
    }

    @Test
    void success_isOk_andARejectedKey_isAuthentication() {
        plane.addProject("MOB", "Mobile");
        try (PlaneIssueSource source = PlaneIssueSource.builder().settings(settings().build())
                .meterRegistry(registry).build()) {
            source.listProjects();
            plane.rotateApiKey();
            assertThatThrownBy(source::checkConnection).isInstanceOf(IssueSourceException.class);
        }

        assertThat(count("list_projects", "ok")).isEqualTo(1);
        assertThat(count("check", "authentication")).isEqualTo(1);
    }

    @Test
    void withoutARegistry_nothingIsRecorded() {
        try (PlaneIssueSource source = PlaneIssueSource.builder().settings(settings().build()).build()) {
            source.checkConnection();
        }

        assertThat(registry.getMeters()).isEmpty();
    }
}
