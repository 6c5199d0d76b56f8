package io.calplanebot.adapter.caldav.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ServersModeTest {
    private final String before = System.getProperty(ServersMode.PROPERTY);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(ServersMode.PROPERTY);
        } else {
            System.setProperty(ServersMode.PROPERTY, before);
        }
    }

    @Test
    void require_fromTheSystemProperty_wins() {
        System.setProperty(ServersMode.PROPERTY, " Require ");

        assertThat(ServersMode.current()).isEqualTo(ServersMode.REQUIRE);
    }

    @Test
    void auto_isTheDefault_whenNeitherSourceSaysRequire() {
        assumeTrue(System.getenv(ServersMode.ENVIRONMENT) == null, "CALPLANEBOT_SERVERS is set in this environment");
        System.setProperty(ServersMode.PROPERTY, "auto");

        assertThat(ServersMode.current()).isEqualTo(ServersMode.AUTO);
    }

    @Test
    void anUnknownMode_isRefusedWithTheSourceNamed() {
        System.setProperty(ServersMode.PROPERTY, "sometimes");

        assertThatThrownBy(ServersMode::current).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("calplanebot.servers").hasMessageContaining("sometimes");
    }

    @Test
    void scripts_areExtractedFromTheClasspath_asExecutableFiles() {
        java.nio.file.Path dir = CalDavServers.scripts();

        for (CalDavServerKind kind : CalDavServerKind.values()) {
            assertThat(dir.resolve("start-" + kind.script() + ".sh")).isExecutable();
            assertThat(dir.resolve("stop-" + kind.script() + ".sh")).isExecutable();
        }
    }
}
