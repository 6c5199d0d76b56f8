package io.calplanebot.adapter.state;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the schema history table says about a database, read without Flyway: when every migration of this release
 * is applied and nothing else is recorded, opening the store needs no migration run, and the start skips loading
 * and running Flyway (a few hundred milliseconds of a service's start-up).
 */
final class SchemaHistory {
    /** The schema history table, shared with Flyway. */
    static final String TABLE = "calplanebot_schema_history";

    /** The versions of the migrations in {@code db/state}, in order; a test keeps this list and the folder equal. */
    static final List<String> MIGRATIONS = List.of("1", "2", "3");

    private SchemaHistory() {
    }

    /**
     * Whether the database holds exactly this release's migrations, all successful. Any doubt (no table yet, a
     * failed or unknown migration, an error reading) answers false, and the caller runs Flyway as usual.
     */
    static boolean isCurrent(DataSource database) {
        Set<String> applied = new HashSet<>();
        try (Connection connection = database.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version, success FROM " + TABLE)) {
            while (rows.next()) {
                String version = rows.getString(1);
                if (!rows.getBoolean(2)) {
                    return false;
                }
                if (version != null && !applied.add(version)) {
                    return false;
                }
            }
        } catch (SQLException e) {
            return false;
        }
        return applied.equals(Set.copyOf(MIGRATIONS));
    }
}
