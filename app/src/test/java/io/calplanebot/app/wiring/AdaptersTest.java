package io.calplanebot.app.wiring;

import io.calplanebot.app.config.AppConfig;
import io.calplanebot.app.config.ConfigLoader;
import io.calplanebot.core.testing.Issues;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AdaptersTest {
    private static AppConfig config(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("PLANE_BASE_URL", "https://plane.acme.test",
                "PLANE_API_TOKEN", "plane_api_s3cr3t", "PLANE_WORKSPACE_SLUG", "acme",
                "CALDAV_URL", "https://dav.acme.test/", "CALDAV_USERNAME", "alice", "CALDAV_PASSWORD", "pw"));
        env.putAll(extra);
        return new ConfigLoader(env, Optional.empty()).load();
    }

    @Test
    void mapper_titlesEventsWithTheConfiguredFormat() {
        AppConfig withProject = config(Map.of("EVENT_TITLE_FORMAT", "[{IDENT}-{sequence_id}] {name}"));

        String summary = Adapters.mapper(withProject).map(Issues.anIssue().withSequenceId(14).withName("Fix login")
                .build()).orElseThrow().summary();

        assertThat(summary).isEqualTo("[MOB-14] Fix login");
        assertThat(Adapters.mapper(config(Map.of())).map(Issues.anIssue().withSequenceId(14).withName("Fix login")
                .build()).orElseThrow().summary()).isEqualTo("[14] Fix login");
    }
}
