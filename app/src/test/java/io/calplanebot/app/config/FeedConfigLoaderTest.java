package io.calplanebot.app.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedConfigLoaderTest {

    @Test
    void defaults_dataInDotSlashData_publicUrlOnLocalhostAndThePort_noUntokenedFeeds() {
        Map<String, String> env = ConfigLoaderTest.minimal();
        env.put("PORT", "9000");

        FeedConfig feeds = new ConfigLoader(env, Optional.empty()).load().feeds();

        assertThat(feeds.dataDirectory()).isEqualTo(Path.of("data"));
        assertThat(feeds.tokenFile()).isEqualTo(Path.of("data", "feeds.json"));
        assertThat(feeds.publicUrl().toString()).isEqualTo("http://localhost:9000");
        assertThat(feeds.allowUntokened()).isFalse();
        assertThat(feeds.limitPerMinute()).isEqualTo(60);
    }

    @Test
    void setValues_areRead_andATrailingSlashOfThePublicUrlIsDropped() {
        Map<String, String> env = ConfigLoaderTest.minimal();
        env.put("DATA_DIR", "/var/lib/calplanebot");
        env.put("PUBLIC_URL", "https://cal.example.com/plane/");
        env.put("FEEDS_ALLOW_UNTOKENED", "true");
        env.put("FEED_RATE_LIMIT_PER_MINUTE", "5");

        AppConfig config = new ConfigLoader(env, Optional.empty()).load();

        assertThat(config.feeds().dataDirectory()).isEqualTo(Path.of("/var/lib/calplanebot"));
        assertThat(config.feeds().publicUrl().toString()).isEqualTo("https://cal.example.com/plane");
        assertThat(config.feeds().allowUntokened()).isTrue();
        assertThat(config.feeds().limitPerMinute()).isEqualTo(5);
        assertThat(config.describe()).containsEntry("PUBLIC_URL", "https://cal.example.com/plane")
                .containsEntry("DATA_DIR", "/var/lib/calplanebot");
    }

    @Test
    void badFeedValues_areNamedInTheOneMessage_withTheOtherProblems() {
        Map<String, String> env = ConfigLoaderTest.minimal();
        env.remove("PLANE_API_TOKEN");
        env.put("PUBLIC_URL", "cal.example.com");
        env.put("FEEDS_ALLOW_UNTOKENED", "perhaps");
        env.put("FEED_RATE_LIMIT_PER_MINUTE", "0");

        assertThatThrownBy(() -> new ConfigLoader(env, Optional.empty()).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("PLANE_API_TOKEN").hasMessageContaining("PUBLIC_URL")
                .hasMessageContaining("FEEDS_ALLOW_UNTOKENED").hasMessageContaining("FEED_RATE_LIMIT_PER_MINUTE");
    }

    @Test
    void loadFeeds_needsNeitherPlaneNorCalDav_butStillRefusesBadFeedValues() {
        Map<String, String> env = new HashMap<>();
        env.put("DATA_DIR", "/tmp/feeds");

        FeedConfig feeds = new ConfigLoader(env, Optional.empty()).loadFeeds();
        env.put("PUBLIC_URL", "ftp://x");

        assertThat(feeds.dataDirectory()).isEqualTo(Path.of("/tmp/feeds"));
        assertThatThrownBy(() -> new ConfigLoader(env, Optional.empty()).loadFeeds())
                .isInstanceOf(ConfigException.class).hasMessageContaining("PUBLIC_URL")
                .hasMessageNotContaining("PLANE");
    }
}
