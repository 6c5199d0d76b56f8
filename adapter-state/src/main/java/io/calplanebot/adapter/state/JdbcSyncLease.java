package io.calplanebot.adapter.state;

import io.calplanebot.core.domain.state.LeaseGrant;
import io.calplanebot.core.port.out.SyncLease;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The full-sync lease as the one row of {@code sync_lease}. Every change is a conditional update of that row, so two
 * replicas racing for it serialise on the row and exactly one wins; a new holder increments the fencing token.
 */
final class JdbcSyncLease implements SyncLease {
    private static final String ROW = "name = 'full-sync'";

    private final Sql sql;

    JdbcSyncLease(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<LeaseGrant> tryAcquire(String holder, Instant now, Duration period) {
        return sql.inTransaction("take the sync lease", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE sync_lease SET holder = ?,"
                    + " fencing_token = fencing_token + 1, expires_at_ms = ? WHERE " + ROW
                    + " AND (holder IS NULL OR expires_at_ms <= ?)")) {
                update.setString(1, holder);
                update.setLong(2, now.plus(period).toEpochMilli());
                update.setLong(3, now.toEpochMilli());
                if (update.executeUpdate() != 1) {
                    return Optional.<LeaseGrant>empty();
                }
            }
            return read(connection);
        });
    }

    @Override
    public Optional<LeaseGrant> renew(LeaseGrant grant, Instant now, Duration period) {
        return sql.inTransaction("renew the sync lease", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE sync_lease SET expires_at_ms = ?"
                    + " WHERE " + ROW + " AND holder = ? AND fencing_token = ?")) {
                update.setLong(1, now.plus(period).toEpochMilli());
                update.setString(2, grant.holder());
                update.setLong(3, grant.fencingToken());
                if (update.executeUpdate() != 1) {
                    return Optional.<LeaseGrant>empty();
                }
            }
            return read(connection);
        });
    }

    @Override
    public void release(LeaseGrant grant, Instant finishedAt) {
        sql.inTransaction("give the sync lease up", connection -> {
            try (PreparedStatement free = connection.prepareStatement("UPDATE sync_lease SET holder = NULL,"
                    + " expires_at_ms = 0 WHERE " + ROW + " AND holder = ? AND fencing_token = ?");
                 PreparedStatement finished = connection.prepareStatement("UPDATE sync_lease"
                         + " SET last_finished_ms = ? WHERE " + ROW
                         + " AND (last_finished_ms IS NULL OR last_finished_ms < ?)")) {
                free.setString(1, grant.holder());
                free.setLong(2, grant.fencingToken());
                free.executeUpdate();
                finished.setLong(1, finishedAt.toEpochMilli());
                finished.setLong(2, finishedAt.toEpochMilli());
                finished.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<LeaseGrant> current(Instant now) {
        return sql.inTransaction("read the sync lease", connection ->
                read(connection).filter(grant -> grant.expiresAt().isAfter(now)));
    }

    @Override
    public Optional<LeaseGrant> abandoned(Instant now) {
        return sql.inTransaction("read the sync lease", connection ->
                read(connection).filter(grant -> !grant.expiresAt().isAfter(now)));
    }

    @Override
    public Optional<Instant> lastFinished() {
        return sql.inTransaction("read when the last sync finished", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT last_finished_ms FROM sync_lease WHERE " + ROW);
                 ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.<Instant>empty();
                }
                long finished = rows.getLong(1);
                return rows.wasNull() ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(finished));
            }
        });
    }

    private static Optional<LeaseGrant> read(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT holder, fencing_token, expires_at_ms FROM sync_lease WHERE " + ROW);
             ResultSet rows = select.executeQuery()) {
            if (!rows.next() || rows.getString(1) == null) {
                return Optional.empty();
            }
            return Optional.of(new LeaseGrant(rows.getString(1), rows.getLong(2),
                    Instant.ofEpochMilli(rows.getLong(3))));
        }
    }
}
