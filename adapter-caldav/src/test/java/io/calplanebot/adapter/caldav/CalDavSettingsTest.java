package io.calplanebot.adapter.caldav;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CalDavSettingsTest {

    @Test
    void toString_neverShowsThePassword() {
        CalDavSettings settings = CalDavSettings.of("https://dav.example.com/", "alice", "Sup3r-Secret", AuthType.DIGEST);

        assertThat(settings.toString()).contains("alice", "https://dav.example.com/", "DIGEST")
                .doesNotContain("Sup3r-Secret");
    }

    @Test
    void aUrlWithCredentials_isRefused_withoutRepeatingThem() {
        assertThatThrownBy(() -> CalDavSettings.of("https://alice:Sup3r-Secret@dav.example.com/", "alice", "x",
                AuthType.BASIC)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not contain credentials").hasMessageNotContaining("Sup3r-Secret");
    }

    @Test
    void aMalformedUrl_isRefused_withoutEchoingIt() {
        assertThatThrownBy(() -> CalDavSettings.of("https://alice:Sup3r Secret@dav.example.com/", "alice", "x",
                AuthType.BASIC)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid URL").hasMessageNotContaining("Secret");
    }

    @Test
    void relativeOrNonHttpUrls_areRefused() {
        assertThatThrownBy(() -> CalDavSettings.of("/dav/", "alice", "x", AuthType.BASIC))
                .hasMessageContaining("absolute http or https URL");
        assertThatThrownBy(() -> CalDavSettings.of("ftp://dav.example.com/", "alice", "x", AuthType.BASIC))
                .hasMessageContaining("absolute http or https URL");
    }

    @Test
    void authType_isReadInAnyCase_andUnknownOnesAreNamed() {
        assertThat(AuthType.parse(" Digest ")).isEqualTo(AuthType.DIGEST);
        assertThatThrownBy(() -> AuthType.parse("ntlm")).hasMessageContaining("basic or digest").hasMessageContaining("ntlm");
    }

    @Test
    void blankUser_andNonPositiveTimeouts_areRefused() {
        assertThatThrownBy(() -> CalDavSettings.of("https://h/", " ", "x", AuthType.BASIC)).hasMessageContaining("user name");
        CalDavSettings settings = CalDavSettings.of("https://h/", "u", "x", AuthType.BASIC);
        assertThatThrownBy(() -> settings.withTimeouts(java.time.Duration.ZERO, java.time.Duration.ofSeconds(1)))
                .hasMessageContaining("connect timeout");
        assertThat(settings.url()).isEqualTo(URI.create("https://h/"));
    }
}
