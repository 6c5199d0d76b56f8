package io.calplanebot.adapter.caldav;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

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
        assertThatThrownBy(() -> new CalDavSettings(settings.url(), "u", "x", AuthType.BASIC, Duration.ZERO,
                Duration.ofSeconds(1), settings.clock())).hasMessageContaining("connect timeout");
        assertThat(settings.url()).isEqualTo(URI.create("https://h/"));
    }

    @Test
    void everyInvalidSetting_isNamed_inOneTypedException() {
        assertThatThrownBy(() -> new CalDavSettings(URI.create("ftp://h/"), " ", null, null, Duration.ofSeconds(1),
                Duration.ZERO, Clock.systemUTC()))
                .isInstanceOfSatisfying(InvalidCalDavSettingsException.class, e -> assertThat(e.reasons())
                        .containsOnlyKeys("url", "username", "password", "authType", "readTimeout"));
        assertThatThrownBy(() -> CalDavSettings.parse("https://a b/"))
                .isInstanceOfSatisfying(InvalidCalDavSettingsException.class,
                        e -> assertThat(e.reasons()).containsOnlyKeys("url"));
        assertThatThrownBy(() -> AuthType.parse("ntlm"))
                .isInstanceOfSatisfying(InvalidCalDavSettingsException.class,
                        e -> assertThat(e.reasons()).containsOnlyKeys("authType"));
    }

    @Test
    void withClock_changesOnlyTheClock() {
        CalDavSettings settings = CalDavSettings.of("https://h/", "u", "x", AuthType.DIGEST);
        Clock fixed = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

        CalDavSettings changed = settings.withClock(fixed);

        assertThat(changed.clock()).isSameAs(fixed);
        assertThat(changed.withClock(settings.clock())).isEqualTo(settings);
    }
}
