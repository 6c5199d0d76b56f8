package io.calplanebot.adapter.state;

import io.calplanebot.core.domain.state.InboxDelivery;
import io.calplanebot.core.domain.webhook.RawWebhook;
import io.calplanebot.core.port.out.StateStoreException;
import io.calplanebot.core.port.out.WebhookInbox;
import io.calplanebot.core.state.InMemoryStateStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The inbox in the {@code webhook_inbox} table. Stores and done marks are committed in groups: concurrent deliveries
 * (and the changes applied meanwhile) wait for one transaction (one disk flush) together, and each call returns only
 * once that transaction committed. A done delivery keeps only its fingerprint (to recognise its repeats until it is
 * pruned): its headers and body are emptied when it is marked done, and never written when it is stored done.
 */
final class JdbcWebhookInbox implements WebhookInbox, AutoCloseable {
    static final int GROUP_LIMIT = 500;
    private static final long STORE_TIMEOUT_SECONDS = 30;
    private static final String COLUMNS = "id, subject, updated_at_us, received_at_ms, headers, body";

    private final Sql sql;
    private final Dialect dialect;
    private final BlockingQueue<Queued<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    JdbcWebhookInbox(Sql sql, Dialect dialect) {
        this.sql = sql;
        this.dialect = dialect;
        this.writer = new Thread(this::writeGroups, "calplanebot-inbox-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public Optional<String> store(RawWebhook webhook, String subject, Optional<Instant> updatedAt,
                                  Instant receivedAt) {
        return awaitWritten(new PendingStore(webhook, subject, updatedAt, receivedAt, false), "keep the delivery");
    }

    /** Kept and marked done in the same insert: one commit, the same group as the other deliveries. */
    @Override
    public Optional<String> storeDone(RawWebhook webhook, String subject, Optional<Instant> updatedAt,
                                      Instant receivedAt) {
        return awaitWritten(new PendingStore(webhook, subject, updatedAt, receivedAt, true), "keep the delivery");
    }

    /** Hands the work to the writer and waits until its group committed; refused once the inbox is closed. */
    private <T> T awaitWritten(Queued<T> pending, String what) {
        if (closed) {
            throw new StateStoreException("The state store is closed", null);
        }
        queue.add(pending);
        try {
            return pending.result.get(STORE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateStoreException("Interrupted while the state store was asked to " + what, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof StateStoreException failure ? failure
                    : new StateStoreException("The state store could not " + what, e.getCause());
        } catch (TimeoutException e) {
            throw new StateStoreException("The state store did not " + what + " within "
                    + STORE_TIMEOUT_SECONDS + " s", e);
        }
    }

    private void writeGroups() {
        List<Queued<?>> group = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Queued<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null || first instanceof Wake) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, GROUP_LIMIT - 1);
                writeGroup(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                group.clear();
            }
        }
    }

    private void writeGroup(List<Queued<?>> group) {
        try {
            sql.inTransaction("keep webhook deliveries", connection -> {
                try (Statements statements = new Statements(connection)) {
                    for (Queued<?> pending : group) {
                        pending.write(statements);
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            group.forEach(pending -> pending.result.completeExceptionally(e));
            return;
        }
        group.forEach(Queued::committed);
    }

    /** Claimed in the writer's next group, so that a claim costs no commit of its own. */
    @Override
    public Set<String> claim(Set<String> ids, String owner, Instant now, Instant until) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return awaitWritten(new PendingClaim(ids, owner, now, until), "claim webhook deliveries");
    }

    @Override
    public void done(Set<String> ids, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        awaitWritten(new PendingDone(ids, now), "mark webhook deliveries done");
    }

    @Override
    public void release(Set<String> ids, String owner) {
        if (ids.isEmpty()) {
            return;
        }
        sql.inTransaction("release webhook deliveries", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE webhook_inbox"
                    + " SET claimed_by = NULL, claimed_until_ms = NULL WHERE id = ? AND claimed_by = ?")) {
                for (String id : ids) {
                    update.setString(1, id);
                    update.setString(2, owner);
                    update.addBatch();
                }
                update.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<InboxDelivery> takeOver(String owner, Instant now, Instant unclaimedBefore, Instant until,
                                        int limit) {
        return sql.inTransaction("take over webhook deliveries", connection -> {
            List<InboxDelivery> taken = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM webhook_inbox"
                    + " WHERE done_at_ms IS NULL AND ((claimed_by IS NULL AND received_at_ms < ?)"
                    + " OR (claimed_by IS NOT NULL AND claimed_until_ms < ?))"
                    + " ORDER BY received_at_ms, id LIMIT ?" + dialect.lockForClaim())) {
                select.setLong(1, Times.ceilMillis(unclaimedBefore));
                select.setLong(2, now.toEpochMilli());
                select.setInt(3, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        taken.add(delivery(rows));
                    }
                }
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE webhook_inbox SET claimed_by = ?, claimed_until_ms = ? WHERE id = ?")) {
                for (InboxDelivery delivery : taken) {
                    update.setString(1, owner);
                    update.setLong(2, until.toEpochMilli());
                    update.setString(3, delivery.id());
                    update.addBatch();
                }
                if (!taken.isEmpty()) {
                    update.executeBatch();
                }
            }
            return taken;
        });
    }

    private static InboxDelivery delivery(ResultSet row) throws SQLException {
        long updatedAt = row.getLong("updated_at_us");
        Optional<Instant> updated = row.wasNull() ? Optional.empty() : Optional.of(Times.fromMicros(updatedAt));
        RawWebhook webhook = new RawWebhook(HeaderText.read(row.getString("headers")),
                Base64.getDecoder().decode(row.getString("body")));
        return new InboxDelivery(row.getString("id"), row.getString("subject"), updated,
                Instant.ofEpochMilli(row.getLong("received_at_ms")), webhook);
    }

    @Override
    public int open() {
        return sql.inTransaction("count open webhook deliveries", connection -> {
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT COUNT(*) FROM webhook_inbox WHERE done_at_ms IS NULL");
                 ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    @Override
    public void prune(Instant before) {
        sql.inTransaction("forget old webhook deliveries", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM webhook_inbox WHERE done_at_ms IS NOT NULL AND done_at_ms < ?")) {
                delete.setLong(1, before.toEpochMilli());
                return delete.executeUpdate();
            }
        });
    }

    /** Stops taking deliveries; those already handed in are still written. */
    @Override
    public void close() {
        closed = true;
        queue.add(new Wake()); // the writer stops at once instead of at its next poll
        try {
            writer.join(TimeUnit.SECONDS.toMillis(STORE_TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The statements a group uses, each prepared when first needed. */
    private static final class Statements implements AutoCloseable {
        private final Connection connection;
        private PreparedStatement insert;
        private PreparedStatement done;
        private PreparedStatement claim;

        Statements(Connection connection) {
            this.connection = connection;
        }

        PreparedStatement insert() throws SQLException {
            if (insert == null) {
                insert = connection.prepareStatement("INSERT INTO webhook_inbox (" + COLUMNS
                        + ", fingerprint, done_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (fingerprint) DO NOTHING");
            }
            return insert;
        }

        PreparedStatement done() throws SQLException {
            if (done == null) {
                done = connection.prepareStatement("UPDATE webhook_inbox SET done_at_ms = ?, headers = '', body = ''"
                        + " WHERE id = ? AND done_at_ms IS NULL");
            }
            return done;
        }

        PreparedStatement claim() throws SQLException {
            if (claim == null) {
                claim = connection.prepareStatement("UPDATE webhook_inbox"
                        + " SET claimed_by = ?, claimed_until_ms = ? WHERE id = ? AND done_at_ms IS NULL"
                        + " AND (claimed_by IS NULL OR claimed_by = ? OR claimed_until_ms < ?)");
            }
            return claim;
        }

        @Override
        public void close() throws SQLException {
            if (claim != null) {
                claim.close();
            }
            if (insert != null) {
                insert.close();
            }
            if (done != null) {
                done.close();
            }
        }
    }

    /** Work handed to the writer, and where its answer goes once the group committed. */
    private abstract static class Queued<T> {
        final CompletableFuture<T> result = new CompletableFuture<>();

        abstract void write(Statements statements) throws SQLException;

        abstract void committed();
    }

    /** Wakes the writer when the inbox closes; writes nothing. */
    private static final class Wake extends Queued<Void> {
        @Override
        void write(Statements statements) {
            // nothing to write
        }

        @Override
        void committed() {
            result.complete(null);
        }
    }

    /** A delivery to keep; answered with its new id, or empty when the same body is kept already. */
    private static final class PendingStore extends Queued<Optional<String>> {
        final RawWebhook webhook;
        final String subject;
        final Optional<Instant> updatedAt;
        final Instant receivedAt;
        final boolean done;
        private Optional<String> id = Optional.empty();

        PendingStore(RawWebhook webhook, String subject, Optional<Instant> updatedAt, Instant receivedAt,
                     boolean done) {
            this.webhook = webhook;
            this.subject = subject;
            this.updatedAt = updatedAt;
            this.receivedAt = receivedAt;
            this.done = done;
        }

        @Override
        void write(Statements statements) throws SQLException {
            PreparedStatement insert = statements.insert();
            String newId = TimeOrderedIds.next();
            insert.setString(1, newId);
            insert.setString(2, subject);
            if (updatedAt.isPresent()) {
                insert.setLong(3, Times.micros(updatedAt.get()));
            } else {
                insert.setNull(3, Types.BIGINT);
            }
            insert.setLong(4, receivedAt.toEpochMilli());
            insert.setString(5, done ? "" : HeaderText.write(webhook.headers()));
            insert.setString(6, done ? "" : Base64.getEncoder().encodeToString(webhook.body()));
            insert.setString(7, InMemoryStateStore.fingerprint(webhook.body()));
            if (done) {
                insert.setLong(8, receivedAt.toEpochMilli());
            } else {
                insert.setNull(8, Types.BIGINT);
            }
            id = insert.executeUpdate() == 1 ? Optional.of(newId) : Optional.empty();
        }

        @Override
        void committed() {
            result.complete(id);
        }
    }

    /** Deliveries to mark done. */
    private static final class PendingDone extends Queued<Void> {
        final Set<String> ids;
        final Instant now;

        PendingDone(Set<String> ids, Instant now) {
            this.ids = Set.copyOf(ids);
            this.now = now;
        }

        @Override
        void write(Statements statements) throws SQLException {
            PreparedStatement done = statements.done();
            for (String id : ids) {
                done.setLong(1, now.toEpochMilli());
                done.setString(2, id);
                done.executeUpdate();
            }
        }

        @Override
        void committed() {
            result.complete(null);
        }
    }

    /** Deliveries to claim; answered with those now held by the owner. */
    private static final class PendingClaim extends Queued<Set<String>> {
        final Set<String> ids;
        final String owner;
        final Instant now;
        final Instant until;
        private final Set<String> claimed = new HashSet<>();

        PendingClaim(Set<String> ids, String owner, Instant now, Instant until) {
            this.ids = Set.copyOf(ids);
            this.owner = owner;
            this.now = now;
            this.until = until;
        }

        @Override
        void write(Statements statements) throws SQLException {
            PreparedStatement update = statements.claim();
            claimed.clear();
            for (String id : ids) {
                update.setString(1, owner);
                update.setLong(2, until.toEpochMilli());
                update.setString(3, id);
                update.setString(4, owner);
                update.setLong(5, now.toEpochMilli());
                if (update.executeUpdate() == 1) {
                    claimed.add(id);
                }
            }
        }

        @Override
        void committed() {
            result.complete(Set.copyOf(claimed));
        }
    }
}
