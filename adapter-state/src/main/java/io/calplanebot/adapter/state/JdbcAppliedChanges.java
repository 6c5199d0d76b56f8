package io.calplanebot.adapter.state;

import io.calplanebot.core.port.out.AppliedChanges;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The stale rule's memory in the {@code applied_change} table: one row per subject, only ever moved forward. */
final class JdbcAppliedChanges implements AppliedChanges {
    /** Keeps the newer of the stored and the given {@code updated_at}: a subject only ever moves forward. */
    static final String UPSERT = "INSERT INTO applied_change (subject, updated_at_us) VALUES (?, ?)"
            + " ON CONFLICT (subject) DO UPDATE SET updated_at_us = CASE"
            + " WHEN excluded.updated_at_us > applied_change.updated_at_us"
            + " THEN excluded.updated_at_us ELSE applied_change.updated_at_us END";

    private final Sql sql;

    JdbcAppliedChanges(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<Instant> lastApplied(String subject) {
        return sql.inTransaction("read what was applied", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT updated_at_us FROM applied_change WHERE subject = ?")) {
                select.setString(1, subject);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(Times.fromMicros(rows.getLong(1))) : Optional.<Instant>empty();
                }
            }
        });
    }

    @Override
    public void recordApplied(String subject, Instant updatedAt) {
        sql.inTransaction("note what was applied", connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                upsert.setString(1, subject);
                upsert.setLong(2, Times.micros(updatedAt));
                return upsert.executeUpdate();
            }
        });
    }

    /** One transaction, written in batches of {@value #BATCH}. */
    @Override
    public void recordAllApplied(Map<String, Instant> updatedAtBySubject) {
        if (updatedAtBySubject.isEmpty()) {
            return;
        }
        sql.inTransaction("note what a full sync applied", connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                int queued = 0;
                for (Map.Entry<String, Instant> entry : updatedAtBySubject.entrySet()) {
                    upsert.setString(1, entry.getKey());
                    upsert.setLong(2, Times.micros(entry.getValue()));
                    upsert.addBatch();
                    if (++queued % BATCH == 0) {
                        upsert.executeBatch();
                    }
                }
                upsert.executeBatch();
                return queued;
            }
        });
    }

    private static final int BATCH = 500;
}
