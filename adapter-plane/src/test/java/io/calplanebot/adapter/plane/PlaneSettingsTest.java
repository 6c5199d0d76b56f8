package io.calplanebot.adapter.plane;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlaneSettingsTest {
    private static final String KEY = "plane_api_0123456789abcdef0123456789abcdef";

    private static PlaneSettings.Builder base(String url) {
        return PlaneSettings.builder().baseUrl(url).apiKey(KEY).workspaceSlug("northwind-labs");
    }

    @Test
    void apiBase_isTheOriginPlusApiV1_whateverFormWasPasted() {
        assertThat(base("https://plane.example.com").build().apiBase())
                .hasToString("https://plane.example.com/api/v1/");
        assertThat(base("https://plane.example.com/").build().apiBase())
                .hasToString("https://plane.example.com/api/v1/");
        assertThat(base("https://plane.example.com/api/v1").build().apiBase())
                .hasToString("https://plane.example.com/api/v1/");
        assertThat(base("https://plane.example.com/api/v1/").build().apiBase())
                .hasToString("https://plane.example.com/api/v1/");
        assertThat(base(" http://10.0.0.5:8080/plane/API/V1/ ").build().apiBase())
                .hasToString("http://10.0.0.5:8080/plane/api/v1/");
    }

    @Test
    void baseUrl_isKeptAsTheOrigin_withoutAPastedApiSuffix() {
        assertThat(base("https://plane.example.com/api/v1/").build().baseUrl())
                .hasToString("https://plane.example.com");
        assertThat(base("https://plane.example.com/api").build().baseUrl())
                .hasToString("https://plane.example.com");
        assertThat(base("http://10.0.0.5:8080/plane/").build().baseUrl())
                .hasToString("http://10.0.0.5:8080/plane");
    }

    @Test
    void defaults_followThePlaneContract() {
        PlaneSettings settings = base("https://plane.example.com").build();

        assertThat(settings.perPage()).isEqualTo(1000);
        assertThat(settings.rateLimitPerMinute()).isEqualTo(60);
        assertThat(settings.projects()).isEmpty();
    }

    @Test
    void projectFilter_isTrimmedAndBlankEntriesDropped() {
        PlaneSettings settings = base("https://plane.example.com").projects(List.of(" MOB ", "", "  ")).build();

        assertThat(settings.projects()).containsExactly("MOB");
    }

    @Test
    void toString_neverShowsTheApiKey() {
        assertThat(base("https://plane.example.com").build().toString()).doesNotContain(KEY).contains("(set)");
    }

    @Test
    void invalidValues_areRejectedWithTheReason() {
        assertThatThrownBy(() -> base("https://plane.example.com").perPage(1001).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("per_page");
        assertThatThrownBy(() -> base("https://plane.example.com").perPage(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("per_page");
        assertThatThrownBy(() -> base("ftp://plane.example.com").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http");
        assertThatThrownBy(() -> base("https://plane.example.com").workspaceSlug(" ").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slug");
        assertThatThrownBy(() -> base("https://plane.example.com").rateLimitPerMinute(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate limit");
        assertThatThrownBy(() -> base("https://plane.example.com").workspaceSlug("my team").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slug");
    }

    @Test
    void everyInvalidSetting_isNamed_inOneTypedException() {
        assertThatThrownBy(() -> base("ftp://plane.example.com").workspaceSlug("a/b").perPage(0)
                .rateLimitPerMinute(0).build())
                .isInstanceOfSatisfying(InvalidPlaneSettingsException.class, e -> assertThat(e.reasons())
                        .containsOnlyKeys("baseUrl", "workspaceSlug", "perPage", "rateLimitPerMinute"));
        assertThatThrownBy(() -> base("not a url"))
                .isInstanceOfSatisfying(InvalidPlaneSettingsException.class,
                        e -> assertThat(e.reasons()).containsOnlyKeys("baseUrl"));
    }
}
