package io.calplanebot.app.config;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DemoSettingsTest {
    private final DemoSettings demo = new DemoSettings(URI.create("http://127.0.0.1:41234"), "plane_api_demo",
            "northwind-labs", "plane_wh_0123456789abcdef0123456789abcdef", 8766, Path.of("/tmp/demo-data"));

    @Test
    void loader_readsTheDemosPlaneAndApiSettings_withTheSecretSharedWithTheSender() {
        AppConfig config = demo.loader(Map.of("CALDAV_URL", "http://127.0.0.1:5232/", "CALDAV_USERNAME", "u",
                "CALDAV_PASSWORD", "p")).load();

        assertThat(config.plane().baseUrl().toString()).startsWith("http://127.0.0.1:41234");
        assertThat(config.plane().workspaceSlug()).isEqualTo("northwind-labs");
        assertThat(config.planeWeb().webhookSecret()).contains(new Secret(demo.webhookSecret()));
        assertThat(config.http().host()).isEqualTo("127.0.0.1");
        assertThat(config.http().port()).isEqualTo(8766);
        assertThat(config.log().directory()).isEqualTo(Path.of("/tmp/demo-data", "logs"));
        assertThat(config.sync().enabled()).isTrue();
    }

    @Test
    void loader_takesOnlyTheCalendarTargetAndLogSettingsFromTheEnvironment() {
        AppConfig config = demo.loader(Map.of("CALDAV_URL", "http://127.0.0.1:5232/", "CALDAV_USERNAME", "u",
                "CALDAV_PASSWORD", "p", "LOG_LEVEL", "DEBUG", "PLANE_WORKSPACE_SLUG", "someone-elses",
                "HOST", "0.0.0.0", "API_TOKEN", "from-the-shell", "PLANE_PROJECTS", "NOPE")).load();

        assertThat(config.calDav().orElseThrow().url().toString()).isEqualTo("http://127.0.0.1:5232/");
        assertThat(config.log().level()).isEqualTo("DEBUG");
        assertThat(config.plane().workspaceSlug()).isEqualTo("northwind-labs");
        assertThat(config.plane().projects()).isEmpty();
        assertThat(config.http().host()).isEqualTo("127.0.0.1");
        assertThat(config.http().apiToken()).isEmpty();
    }

    @Test
    void loader_readsNoDotEnvFile() {
        assertThat(demo.loader(Map.of()).dotEnvFile()).isEmpty();
    }
}
