package io.calplanebot.app.config;

import io.calplanebot.adapter.caldav.AuthType;
import io.calplanebot.core.mapping.EventTitleFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {
    static Map<String, String> minimal() {
        Map<String, String> env = new HashMap<>();
        env.put("PLANE_BASE_URL", "https://plane.acme.test");
        env.put("PLANE_API_TOKEN", "plane_api_s3cr3t");
        env.put("PLANE_WORKSPACE_SLUG", "acme");
        env.put("CALDAV_URL", "https://dav.acme.test/");
        env.put("CALDAV_USERNAME", "alice");
        env.put("CALDAV_PASSWORD", "hunter2-secret");
        return env;
    }

    private static AppConfig load(Map<String, String> env) {
        return new ConfigLoader(env, Optional.empty()).load();
    }

    @Test
    void load_appliesTheDocumentedDefaults() {
        AppConfig config = load(minimal());

        assertThat(config.planeWeb().webUrl().toString()).isEqualTo("https://plane.acme.test");
        assertThat(config.plane().perPage()).isEqualTo(1000);
        assertThat(config.plane().rateLimitPerMinute()).isEqualTo(60);
        assertThat(config.planeWeb().webhookSecret()).isEmpty();
        assertThat(config.calDav().orElseThrow().authType()).isEqualTo(AuthType.BASIC);
        assertThat(config.dataDir()).isEqualTo(java.nio.file.Path.of("data"));
        assertThat(config.sync().interval()).isEqualTo(Duration.ofSeconds(300));
        assertThat(config.sync().enabled()).isTrue();
        assertThat(config.http().host()).isEqualTo("0.0.0.0");
        assertThat(config.http().port()).isEqualTo(8765);
        assertThat(config.http().webhookLimitPerMinute()).isEqualTo(100);
        assertThat(config.http().syncTriggerLimitPerHour()).isEqualTo(10);
        assertThat(config.log().level()).isEqualTo("INFO");
        assertThat(config.log().format()).isEqualTo(LogFormat.TEXT);
    }

    @Test
    void load_withoutADatabaseUrl_keepsTheStateEmbedded_andWithOne_neverShowsItsPassword() {
        AppConfig embedded = load(minimal());
        assertThat(embedded.state().database()).isEmpty();
        assertThat(embedded.state().takeOver()).isEqualTo(Duration.ofSeconds(60));
        assertThat(embedded.describe().get("DATABASE_URL")).startsWith("(not set");

        Map<String, String> env = new HashMap<>(minimal());
        env.put("DATABASE_URL", "postgres://bot:pg-s3cret@db.acme.test:5433/calplanebot");
        env.put("REPLICA_TAKEOVER_SECONDS", "15");
        AppConfig shared = load(env);

        assertThat(shared.state().database().orElseThrow().jdbcUrl())
                .isEqualTo("jdbc:postgresql://db.acme.test:5433/calplanebot");
        assertThat(shared.state().takeOver()).isEqualTo(Duration.ofSeconds(15));
        assertThat(shared.describe().toString()).contains("postgresql://db.acme.test:5433/calplanebot")
                .doesNotContain("pg-s3cret");
    }

    @Test
    void load_refusesABadDatabaseUrl_theExamplesPlaceholder_andATakeOverOutOfRange_withoutRepeatingThePassword() {
        Map<String, String> env = new HashMap<>(minimal());
        env.put("DATABASE_URL", "mysql://bot:pg-s3cret@db/x");
        env.put("REPLICA_TAKEOVER_SECONDS", "1");

        assertThatThrownBy(() -> load(env)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("DATABASE_URL").hasMessageContaining("REPLICA_TAKEOVER_SECONDS")
                .hasMessageNotContaining("pg-s3cret");

        env.put("DATABASE_URL", "postgres://calplanebot:secret@db.example.com:5432/calplanebot");
        env.remove("REPLICA_TAKEOVER_SECONDS");
        assertThatThrownBy(() -> load(env)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("DATABASE_URL").hasMessageContaining("placeholder");
    }

    @Test
    void load_withoutAnyCalDavVariable_writesToTheBuiltInStoreAlone() {
        Map<String, String> env = new HashMap<>(minimal());
        env.keySet().removeIf(name -> name.startsWith("CALDAV_"));
        env.put("DATA_DIR", "/var/lib/calplanebot");

        AppConfig config = load(env);

        assertThat(config.calDav()).isEmpty();
        assertThat(config.dataDir()).isEqualTo(java.nio.file.Path.of("/var/lib/calplanebot"));
        assertThat(config.describe()).containsEntry("CALDAV_URL", "(not set: the built-in store only)");
    }

    @Test
    void load_withPartOfTheCalDavVariables_namesTheMissingOnes() {
        Map<String, String> env = new HashMap<>(minimal());
        env.keySet().removeIf(name -> name.startsWith("CALDAV_"));
        env.put("CALDAV_USERNAME", "alice");

        assertThatThrownBy(() -> load(env)).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.problems()).extracting(ConfigProblem::variable)
                        .containsExactlyInAnyOrder("CALDAV_URL", "CALDAV_PASSWORD"));
    }

    @Test
    void load_listsEveryMissingAndInvalidVariableInOneMessage() {
        Map<String, String> env = new HashMap<>();
        env.put("CALDAV_URL", "not a url");
        env.put("CALDAV_AUTH_TYPE", "kerberos");
        env.put("SYNC_INTERVAL_SECONDS", "soon");
        env.put("PORT", "70000");
        env.put("ENABLE_SYNC", "maybe");
        env.put("LOG_LEVEL", "loud");

        assertThatThrownBy(() -> load(env))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::variable)
                        .containsExactlyInAnyOrder("PLANE_BASE_URL", "PLANE_API_TOKEN", "PLANE_WORKSPACE_SLUG",
                                "CALDAV_URL", "CALDAV_USERNAME", "CALDAV_PASSWORD", "CALDAV_AUTH_TYPE",
                                "SYNC_INTERVAL_SECONDS", "PORT", "ENABLE_SYNC", "LOG_LEVEL"))
                .hasMessageContaining("basic or digest")
                .hasMessageContaining("a whole number from 0 to 65535");
    }

    @Test
    void load_neverPutsASecretIntoItsMessages() {
        Map<String, String> env = minimal();
        env.put("PORT", "x");
        env.put("PLANE_WEBHOOK_SECRET", "whsec-value");
        env.put("API_TOKEN", "api-token-value");

        ConfigException error = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, () -> load(env));
        env.put("PORT", "8765");
        AppConfig config = load(env);

        for (String secret : new String[] {"plane_api_s3cr3t", "hunter2-secret", "whsec-value", "api-token-value"}) {
            assertThat(error.getMessage()).doesNotContain(secret);
            assertThat(config.toString()).doesNotContain(secret);
            assertThat(config.plane().toString()).doesNotContain(secret);
            assertThat(config.planeWeb().toString()).doesNotContain(secret);
            assertThat(config.calDav().toString()).doesNotContain(secret);
            assertThat(config.describe().values()).noneMatch(v -> v.contains(secret));
        }
        assertThat(config.plane().apiKey()).isEqualTo("plane_api_s3cr3t");
    }

    @Test
    void load_reportsTheAdaptersRefusals_underTheirVariables_allAtOnce() {
        Map<String, String> env = minimal();
        env.put("PLANE_BASE_URL", "ftp://plane.acme.test");
        env.put("PLANE_WORKSPACE_SLUG", "my team");
        env.put("PLANE_PER_PAGE", "5000");
        env.put("PLANE_RATE_LIMIT_PER_MINUTE", "0");
        env.put("CALDAV_URL", "https://alice:hunter2-secret@dav.acme.test/");
        env.put("CALDAV_AUTH_TYPE", "ntlm");

        assertThatThrownBy(() -> load(env))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::variable)
                        .containsExactlyInAnyOrder("PLANE_BASE_URL", "PLANE_WORKSPACE_SLUG", "PLANE_PER_PAGE",
                                "PLANE_RATE_LIMIT_PER_MINUTE", "CALDAV_URL", "CALDAV_AUTH_TYPE"))
                .hasMessageContaining("a whole number from 1 to 1000 (default 1000)")
                .hasMessageContaining("must not contain credentials")
                .hasMessageNotContaining("hunter2-secret");
    }

    @Test
    void load_givesEqualConfigurations_forEqualValues_soAReloadRebuildsNothing() {
        AppConfig first = load(minimal());
        Map<String, String> env = minimal();

        assertThat(load(env)).isEqualTo(first);
        env.put("PLANE_WEBHOOK_SECRET", "whsec-value");
        assertThat(load(env).planeWeb()).isNotEqualTo(first.planeWeb());
        env.put("CALDAV_PASSWORD", "another-secret");
        assertThat(load(env).calDav()).isNotEqualTo(first.calDav());
        assertThat(load(env).plane()).isEqualTo(first.plane());
    }

    @Test
    void load_toleratesAPastedApiSuffixOnThePlaneUrl() {
        Map<String, String> env = minimal();
        env.put("PLANE_BASE_URL", "https://plane.acme.test/api/v1/");
        assertThat(load(env).plane().baseUrl().toString()).isEqualTo("https://plane.acme.test");
    }

    @Test
    void load_readsListsBooleansAndAliases() {
        Map<String, String> env = minimal();
        env.put("PLANE_PROJECTS", " MOB, web ,,");
        env.put("ENABLE_SYNC", "no");
        env.put("TRUST_PROXY", "1");
        env.put("CALDAV_AUTH_TYPE", "Digest");
        env.put("LOG_LEVEL", "warning");
        env.remove("PLANE_API_TOKEN");
        env.put("PLANE_API_KEY", "alias-key");

        AppConfig config = load(env);

        assertThat(config.plane().projects()).containsExactly("MOB", "web");
        assertThat(config.sync().enabled()).isFalse();
        assertThat(config.http().trustProxy()).isTrue();
        assertThat(config.calDav().orElseThrow().authType()).isEqualTo(AuthType.DIGEST);
        assertThat(config.log().level()).isEqualTo("WARN");
        assertThat(config.plane().apiKey()).isEqualTo("alias-key");
    }

    @Test
    void load_takesValuesFromDotEnv_butTheEnvironmentWins(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(".env");
        Files.writeString(file, String.join("\n",
                "# comment",
                "export PLANE_BASE_URL=https://from-file.acme.test",
                "PLANE_API_TOKEN='quoted # not a comment'",
                "PLANE_WORKSPACE_SLUG=acme # trailing comment",
                "CALDAV_URL=\"https://dav.acme.test/\"",
                "CALDAV_USERNAME=alice",
                "CALDAV_PASSWORD=pw",
                "SYNC_INTERVAL_SECONDS=60"));
        Map<String, String> env = Map.of("SYNC_INTERVAL_SECONDS", "120");

        AppConfig config = new ConfigLoader(env, Optional.of(file)).load();

        assertThat(config.plane().baseUrl().toString()).isEqualTo("https://from-file.acme.test");
        assertThat(config.plane().apiKey()).isEqualTo("quoted # not a comment");
        assertThat(config.plane().workspaceSlug()).isEqualTo("acme");
        assertThat(config.sync().interval()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void load_reportsAnUnreadableDotEnvLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(".env");
        Files.writeString(file, "this line has no equals sign\n");
        assertThatThrownBy(() -> new ConfigLoader(minimal(), Optional.of(file)).load())
                .isInstanceOf(ConfigException.class).hasMessageContaining("line 1");
    }

    @Test
    void load_refusesTheUneditedEnvExample_namingEveryVariableThatHoldsAPlaceholder() throws IOException {
        Path example = Path.of("..", ".env.example");
        Map<String, String> active = DotEnv.read(example);

        assertThatThrownBy(() -> new ConfigLoader(Map.of(), Optional.of(example)).load())
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.problems()).extracting(ConfigProblem::variable)
                            .containsExactlyInAnyOrderElementsOf(active.keySet());
                    assertThat(e.problems()).allSatisfy(p -> assertThat(p.problem()).contains("placeholder"));
                });
    }

    @Test
    void load_namesAPlaceholderInAnyUserValue_butNotARealOne() {
        Map<String, String> env = minimal();
        env.put("PLANE_WEB_URL", "https://plane.example.org");
        env.put("CALDAV_USERNAME", "alice@example.com");
        env.put("API_TOKEN", "changeme");
        env.put("PLANE_WEBHOOK_SECRET", "<the secret Plane shows>");

        assertThatThrownBy(() -> load(env))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::variable)
                        .containsExactlyInAnyOrder("PLANE_WEB_URL", "CALDAV_USERNAME", "API_TOKEN",
                                "PLANE_WEBHOOK_SECRET"))
                .hasMessageNotContaining("changeme");
        assertThat(Placeholders.isPlaceholder("https://plane.exampleco.com")).isFalse();
        assertThat(Placeholders.isPlaceholder("your")).isFalse();
        assertThat(Placeholders.isPlaceholder("plane_api_0123456789abcdef")).isFalse();
        assertThat(Placeholders.isPlaceholder("https://your-plane.host/")).isTrue();
    }

    @Test
    void load_readsTheEventTitleFormat_withTheSequenceIdAndNameAsDefault() {
        assertThat(load(minimal()).planeWeb().titleFormat()).isEqualTo(EventTitleFormat.DEFAULT);
        Map<String, String> env = minimal();
        env.put("EVENT_TITLE_FORMAT", "[{IDENT}-{sequence_id}] {name}");

        assertThat(load(env).planeWeb().titleFormat()).isEqualTo(EventTitleFormat.WITH_PROJECT);
    }

    @Test
    void load_refusesAnEventTitleFormatWithAnUnknownPlaceholder() {
        Map<String, String> env = minimal();
        env.put("EVENT_TITLE_FORMAT", "[{project}-{sequence_id}] {name}");

        assertThatThrownBy(() -> load(env))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::variable).containsExactly("EVENT_TITLE_FORMAT"))
                .hasMessageContaining("{project}").hasMessageContaining("[{IDENT}-{sequence_id}] {name}");
    }
}
