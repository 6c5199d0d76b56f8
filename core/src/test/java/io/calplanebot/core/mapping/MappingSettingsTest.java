package io.calplanebot.core.mapping;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MappingSettingsTest {

    @Test
    void webUrl_losesEveryTrailingSlash_andSurroundingBlanks() {
        assertThat(new MappingSettings(" https://plane.example.com/// ", "acme").webUrl())
                .isEqualTo("https://plane.example.com");
    }

    @Test
    void webUrl_withoutTrailingSlash_isKept() {
        assertThat(new MappingSettings("https://plane.example.com/base", "acme").webUrl())
                .isEqualTo("https://plane.example.com/base");
    }

    @Test
    void workspaceSlug_isStripped() {
        assertThat(new MappingSettings("https://p.example", " acme ").workspaceSlug()).isEqualTo("acme");
    }

    @Test
    void constructor_rejectsBlankWebUrlAndSlug() {
        assertThatThrownBy(() -> new MappingSettings(" ", "acme")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("web URL");
        assertThatThrownBy(() -> new MappingSettings("https://p.example", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("workspace slug");
        assertThatThrownBy(() -> new MappingSettings(null, "acme")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void constructor_rejectsAWebUrlThatIsOnlySlashes() {
        assertThatThrownBy(() -> new MappingSettings("///", "acme")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("web URL");
    }
}
