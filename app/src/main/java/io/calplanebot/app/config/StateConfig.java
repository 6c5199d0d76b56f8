package io.calplanebot.app.config;

import io.calplanebot.adapter.state.DatabaseUrl;
import io.calplanebot.core.sync.InboxTiming;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the durable state lives: PostgreSQL when {@code DATABASE_URL} is set (for several replicas), otherwise the
 * embedded database in the data directory.
 *
 * @param database       {@code DATABASE_URL}
 * @param maxConnections {@code DATABASE_POOL_SIZE}: the most connections one process opens to PostgreSQL
 * @param takeOver       {@code REPLICA_TAKEOVER_SECONDS}: how long a process that died keeps the full-sync lease and
 *                       its webhook claims before another replica takes them over
 */
public record StateConfig(Optional<DatabaseUrl> database, int maxConnections, Duration takeOver) {
    public StateConfig {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(takeOver, "take over");
    }

    /** How the inbox is worked: claims and unclaimed deliveries are taken over after {@link #takeOver}. */
    public InboxTiming inboxTiming() {
        Duration scan = takeOver.dividedBy(3);
        return new InboxTiming(takeOver, takeOver, scan.compareTo(Duration.ofSeconds(10)) > 0
                ? Duration.ofSeconds(10) : scan);
    }

    /** A record compares URLs by what they say, not by identity. */
    @Override
    public boolean equals(Object o) {
        return o instanceof StateConfig other && maxConnections == other.maxConnections
                && takeOver.equals(other.takeOver)
                && database.map(DatabaseUrl::jdbcUrl).equals(other.database.map(DatabaseUrl::jdbcUrl));
    }

    @Override
    public int hashCode() {
        return Objects.hash(database.map(DatabaseUrl::jdbcUrl), maxConnections, takeOver);
    }
}
