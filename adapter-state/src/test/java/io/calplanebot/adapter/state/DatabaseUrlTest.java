package io.calplanebot.adapter.state;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUrlTest {

    @Test
    void aPostgresUrl_becomesAJdbcUrl_withTheCredentialsApart() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://bot:s%40cret@db.example:5433/calplanebot?sslmode=require");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5433/calplanebot?sslmode=require");
        assertThat(url.user()).contains("bot");
        assertThat(url.password()).contains("s@cret");
        assertThat(url.toString()).isEqualTo("postgresql://db.example:5433/calplanebot").doesNotContain("cret");
    }

    @Test
    void aJdbcUrl_losesItsUserAndPasswordParameters_toTheCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://db:5432/state?user=bot&password=hunter2&ssl=true");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/state?ssl=true");
        assertThat(url.user()).contains("bot");
        assertThat(url.password()).contains("hunter2");
        assertThat(url.toString()).doesNotContain("hunter2");
    }

    @Test
    void aUrlWithoutHostOrDatabase_orOfAnotherKind_isRefused_withoutRepeatingIt() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://bot:hunter2@db.example"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no database")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://bot:hunter2@db/x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a PostgreSQL URL")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://bot:hunter2@/x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("hunter2");
    }
}
