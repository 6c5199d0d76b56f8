package io.calplanebot.adapter.plane;

import io.calplanebot.sample.FakePlane;
import io.calplanebot.core.port.out.IssueSourceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Starts a {@link FakePlane} per test (generous rate limit unless a test sets one) and builds sources against it. */
abstract class FakePlaneSupport {
    protected FakePlane plane;
    private PlaneIssueSource source;

    @BeforeEach
    void startPlane() {
        plane = FakePlane.start();
        plane.faults().rateLimit(100_000, Duration.ofMinutes(1));
    }

    @AfterEach
    void stopPlane() {
        if (source != null) {
            source.close();
        }
        plane.close();
    }

    /** Settings for the fake: its key and workspace, a fast client-side limiter and short retry waits. */
    protected PlaneSettings.Builder settings() {
        return PlaneSettings.builder().baseUrl(plane.baseUrl()).apiKey(plane.apiKey())
                .workspaceSlug(plane.workspaceSlug()).rateLimitPerMinute(60_000).retryBackoff(Duration.ofMillis(20))
                .maxAttempts(3);
    }

    protected PlaneIssueSource source(PlaneSettings.Builder settings) {
        if (source != null) {
            source.close();
        }
        source = PlaneIssueSource.builder().settings(settings.build()).build();
        return source;
    }

    protected PlaneIssueSource source() {
        return source(settings());
    }

    /** Runs {@code call}, expects an IssueSourceException with {@code reason}, and checks it holds no API key. */
    protected IssueSourceException failure(IssueSourceException.Reason reason, Runnable call) {
        IssueSourceException e = catchThrowableOfType(IssueSourceException.class, call::run);
        assertThat(e).as("an IssueSourceException").isNotNull();
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.getMessage()).doesNotContain(plane.apiKey()).doesNotContain("plane_api_");
        return e;
    }
}
