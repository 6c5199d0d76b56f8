package io.calplanebot.adapter.state;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** When opening the store may skip Flyway: only when the history holds exactly this release's migrations. */
class SchemaHistoryTest {
    @TempDir
    Path dataDirectory;

    private SQLiteDataSource database() {
        SQLiteDataSource database = new SQLiteDataSource();
        database.setUrl("jdbc:sqlite:" + dataDirectory.resolve(JdbcStateStore.EMBEDDED_FILE));
        return database;
    }

    private void execute(String statement) throws SQLException {
        try (Connection connection = database().getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate(statement);
        }
    }

    @Test
    void theListedMigrations_areExactlyTheFilesOfTheMigrationFolder() throws IOException, URISyntaxException {
        Path folder = Path.of(Objects.requireNonNull(getClass().getClassLoader().getResource("db/state")).toURI());
        try (Stream<Path> files = Files.list(folder)) {
            List<String> versions = files.map(file -> file.getFileName().toString())
                    .map(name -> name.substring(1, name.indexOf("__")))
                    .sorted(java.util.Comparator.comparingInt(Integer::parseInt)).toList();
            assertThat(SchemaHistory.MIGRATIONS).isEqualTo(versions);
        }
    }

    @Test
    void aNewDatabase_isNotCurrent() {
        assertThat(SchemaHistory.isCurrent(database())).isFalse();
    }

    @Test
    void aDatabaseOpenedOnce_isCurrent_andReopensWithItsData() {
        JdbcStateStore.embedded(dataDirectory).close();
        assertThat(SchemaHistory.isCurrent(database())).isTrue();
        try (JdbcStateStore reopened = JdbcStateStore.embedded(dataDirectory)) {
            assertThat(reopened.syncRuns().last()).isEmpty();
        }
    }

    @Test
    void aFailedMigrationInTheHistory_isNotCurrent() throws SQLException {
        JdbcStateStore.embedded(dataDirectory).close();
        execute("UPDATE " + SchemaHistory.TABLE + " SET success = 0 WHERE version = '3'");
        assertThat(SchemaHistory.isCurrent(database())).isFalse();
    }

    @Test
    void aMigrationOfANewerRelease_isNotCurrent() throws SQLException {
        JdbcStateStore.embedded(dataDirectory).close();
        execute("INSERT INTO " + SchemaHistory.TABLE + " (installed_rank, version, description, type, script, checksum,"
                + " installed_by, execution_time, success) VALUES (99, '99', 'later', 'SQL', 'V99__later.sql', 0, 'x', 0, 1)");
        assertThat(SchemaHistory.isCurrent(database())).isFalse();
    }

    @Test
    void aMissingMigration_isNotCurrent() throws SQLException {
        JdbcStateStore.embedded(dataDirectory).close();
        execute("DELETE FROM " + SchemaHistory.TABLE + " WHERE version = '3'");
        assertThat(SchemaHistory.isCurrent(database())).isFalse();
    }
}
