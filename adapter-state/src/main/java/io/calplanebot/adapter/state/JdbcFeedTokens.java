package io.calplanebot.adapter.state;

import io.calplanebot.core.domain.Priority;
import io.calplanebot.core.domain.StateGroup;
import io.calplanebot.core.domain.feed.CompletedMode;
import io.calplanebot.core.domain.feed.FeedFilter;
import io.calplanebot.core.domain.feed.FeedName;
import io.calplanebot.core.domain.feed.FeedRecord;
import io.calplanebot.core.domain.feed.TokenHash;
import io.calplanebot.core.port.out.FeedStorageException;
import io.calplanebot.core.port.out.FeedTokens;
import io.calplanebot.core.port.out.StateStoreException;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Feed definitions in the {@code feed} table, shared by the {@code feeds} command, the running service and every
 * replica: a revoke is gone for all of them at the next request.
 */
final class JdbcFeedTokens implements FeedTokens {
    private static final String COLUMNS = "name, token_sha256, created_ms, last_access_ms, projects, assignees, labels,"
            + " state_groups, priorities, completed";

    private final Sql sql;

    JdbcFeedTokens(Sql sql) {
        this.sql = sql;
    }

    @Override
    public boolean add(FeedRecord feed) {
        return guarded(() -> sql.inTransaction("add a feed", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO feed (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
                FeedFilter filter = feed.filter();
                insert.setString(1, feed.name().value());
                insert.setString(2, feed.tokenHash().hex());
                insert.setLong(3, feed.created().toEpochMilli());
                if (feed.lastAccess().isPresent()) {
                    insert.setLong(4, feed.lastAccess().get().toEpochMilli());
                } else {
                    insert.setNull(4, java.sql.Types.BIGINT);
                }
                insert.setString(5, texts(filter.projects()));
                insert.setString(6, texts(filter.assignees()));
                insert.setString(7, texts(filter.labels()));
                insert.setString(8, words(filter.stateGroups().stream().map(StateGroup::wireName)
                        .collect(Collectors.toList())));
                insert.setString(9, words(filter.priorities().stream().map(Priority::wireName)
                        .collect(Collectors.toList())));
                insert.setString(10, filter.completed().wireName());
                return insert.executeUpdate() == 1;
            }
        }));
    }

    @Override
    public Optional<FeedRecord> findByTokenHash(TokenHash hash) {
        FeedRecord found = null;
        for (FeedRecord feed : list()) {
            if (feed.tokenHash().sameAs(hash)) {
                found = feed;
            }
        }
        return Optional.ofNullable(found);
    }

    @Override
    public List<FeedRecord> list() {
        return guarded(() -> sql.inTransaction("read the feeds", connection -> {
            List<FeedRecord> feeds = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM feed ORDER BY name");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    feeds.add(feed(rows));
                }
            }
            return feeds;
        }));
    }

    @Override
    public boolean revoke(FeedName name) {
        return guarded(() -> sql.inTransaction("revoke a feed", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM feed WHERE name = ?")) {
                delete.setString(1, name.value());
                return delete.executeUpdate() == 1;
            }
        }));
    }

    @Override
    public void recordAccess(FeedName name, Instant when) {
        guarded(() -> sql.inTransaction("note a feed's access", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE feed SET last_access_ms = ?"
                    + " WHERE name = ? AND (last_access_ms IS NULL OR last_access_ms < ?)")) {
                update.setLong(1, when.toEpochMilli());
                update.setString(2, name.value());
                update.setLong(3, when.toEpochMilli());
                return update.executeUpdate();
            }
        }));
    }

    private static FeedRecord feed(ResultSet row) throws SQLException {
        long last = row.getLong("last_access_ms");
        Optional<Instant> lastAccess = row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(last));
        FeedFilter filter = new FeedFilter(texts(row.getString("projects")), texts(row.getString("assignees")),
                texts(row.getString("labels")), words(row.getString("state_groups"), StateGroup::fromWire),
                words(row.getString("priorities"), Priority::fromWire),
                CompletedMode.fromWire(row.getString("completed")));
        return new FeedRecord(new FeedName(row.getString("name")), filter, new TokenHash(row.getString("token_sha256")),
                Instant.ofEpochMilli(row.getLong("created_ms")), lastAccess);
    }

    private static <T> T guarded(Supplier<T> work) {
        try {
            return work.get();
        } catch (StateStoreException e) {
            throw new FeedStorageException(e.getMessage(), e);
        }
    }

    private static String texts(Set<String> values) {
        return values.stream().sorted()
                .map(Base64Text::encode)
                .collect(Collectors.joining("\n"));
    }

    private static Set<String> texts(String text) {
        Set<String> values = new LinkedHashSet<>();
        if (!text.isEmpty()) {
            for (String line : text.split("\n")) {
                values.add(Base64Text.decode(line));
            }
        }
        return values;
    }

    private static String words(List<String> values) {
        return values.stream().sorted().collect(Collectors.joining(" "));
    }

    private static <T> Set<T> words(String text, Function<String, T> parse) {
        return text.isEmpty() ? Set.of() : Arrays.stream(text.split(" ")).map(parse)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
