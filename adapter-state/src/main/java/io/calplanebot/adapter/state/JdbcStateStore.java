package io.calplanebot.adapter.state;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.calplanebot.core.port.out.AppliedChanges;
import io.calplanebot.core.port.out.FeedTokens;
import io.calplanebot.core.port.out.StateStore;
import io.calplanebot.core.port.out.StateStoreException;
import io.calplanebot.core.port.out.SyncLease;
import io.calplanebot.core.port.out.SyncRunLog;
import io.calplanebot.core.port.out.WebhookInbox;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteJDBCLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.util.Objects;
import java.util.Properties;

/**
 * The {@link StateStore} on a database through plain JDBC and a HikariCP pool: an embedded SQLite file by default,
 * PostgreSQL for replicas. Opening it brings the schema up to date with the project's Flyway migrations (one set for
 * both databases); a database that already holds exactly this release's migrations is opened without running Flyway.
 */
public final class JdbcStateStore implements StateStore {
    /** The embedded database's file in the data directory. */
    public static final String EMBEDDED_FILE = "state.db";
    /** Pages of write-ahead log after which a commit copies it back into the database file. */
    static final int CHECKPOINT_PAGES = 4000;

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final JdbcWebhookInbox inbox;
    private final JdbcAppliedChanges applied;
    private final JdbcSyncLease lease;
    private final JdbcSyncRunLog runs;
    private final JdbcFeedTokens feeds;
    private final Sql sql;

    private JdbcStateStore(HikariDataSource pool, Dialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
        this.sql = new Sql(pool);
        this.inbox = new JdbcWebhookInbox(sql, dialect);
        this.applied = new JdbcAppliedChanges(sql);
        this.lease = new JdbcSyncLease(sql);
        this.runs = new JdbcSyncRunLog(sql);
        this.feeds = new JdbcFeedTokens(sql);
    }

    /**
     * Loads the embedded database's native library now: sqlite-jdbc copies it out of its jar and loads it when the
     * first connection opens, the slowest step of opening the store. A start calls this on another thread while it
     * reads its command line and configuration. Skipping it changes nothing; a failure here is left for the opening
     * of the store to report.
     */
    public static void loadEmbeddedLibrary() {
        try {
            SQLiteJDBCLoader.initialize();
        } catch (Exception | LinkageError e) {
            // reported by embedded(), which loads it again
        }
    }

    /**
     * Opens (creating it if needed) the embedded store in {@code dataDirectory}: SQLite in write-ahead-log mode with
     * full synchronous commits, so a commit that returned survives a crash of the process or the machine.
     */
    public static JdbcStateStore embedded(Path dataDirectory) {
        Objects.requireNonNull(dataDirectory, "data directory");
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new StateStoreException("Cannot create the data directory " + dataDirectory + ": " + e.getMessage(),
                    e);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("calplanebot-state");
        config.setJdbcUrl("jdbc:sqlite:" + dataDirectory.resolve(EMBEDDED_FILE).toAbsolutePath());
        Properties sqlite = new Properties();
        sqlite.setProperty("journal_mode", "WAL");
        sqlite.setProperty("synchronous", "FULL");
        sqlite.setProperty("busy_timeout", "10000");
        sqlite.setProperty("foreign_keys", "true");
        // The commit that fills the log past this many pages copies it back into the database file, and the webhook
        // deliveries waiting in that group commit wait for the copy: 4 times SQLite's default makes that a quarter
        // as frequent (the log grows to about 16 MB), which halved the slowest 1 % of inbox writes (docs/decisions.md).
        sqlite.setProperty("wal_autocheckpoint", String.valueOf(CHECKPOINT_PAGES));
        config.setDataSourceProperties(sqlite);
        // One connection: SQLite has one writer anyway, and one connection never meets a locked database.
        config.setMaximumPoolSize(1);
        return open(config, Dialect.SQLITE);
    }

    /**
     * Opens the store on PostgreSQL, shared by every replica.
     *
     * @param database where and as whom to connect (see {@link DatabaseUrl})
     */
    public static JdbcStateStore postgres(DatabaseUrl database, int maxConnections) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("calplanebot-state");
        config.setJdbcUrl(database.jdbcUrl());
        database.user().ifPresent(config::setUsername);
        database.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(maxConnections);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(10_000);
        return open(config, Dialect.POSTGRESQL);
    }

    private static JdbcStateStore open(HikariConfig config, Dialect dialect) {
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StateStoreException("Cannot connect to the state store: " + rootMessage(e), e);
        }
        try {
            if (!SchemaHistory.isCurrent(pool)) {
                Flyway.configure().dataSource(pool).locations("classpath:db/state").table(SchemaHistory.TABLE)
                        .load().migrate();
            }
        } catch (FlywayException e) {
            pool.close();
            throw new StateStoreException("Cannot bring the state store's schema up to date: " + rootMessage(e), e);
        }
        return new JdbcStateStore(pool, dialect);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    @Override
    public WebhookInbox inbox() {
        return inbox;
    }

    @Override
    public AppliedChanges appliedChanges() {
        return applied;
    }

    @Override
    public SyncLease syncLease() {
        return lease;
    }

    @Override
    public SyncRunLog syncRuns() {
        return runs;
    }

    @Override
    public boolean shared() {
        return dialect == Dialect.POSTGRESQL;
    }

    /** The feed definitions, kept in the same database. */
    public FeedTokens feedTokens() {
        return feeds;
    }

    /** Which database this is, in a word for status and logs. */
    public String kind() {
        return dialect == Dialect.POSTGRESQL ? "postgresql" : "embedded";
    }

    /** Writes the whole state as a portable text file (see {@link StateDump}). */
    public StateDump.Counts exportTo(java.io.Writer out) {
        return StateDump.write(sql, out);
    }

    /**
     * Adds the state of an export to this store, in one transaction.
     *
     * @throws IllegalArgumentException when the file is not an export, naming the line
     */
    public StateDump.Counts importFrom(java.io.Reader in) throws java.io.IOException {
        return StateDump.read(sql, in);
    }

    @Override
    public void close() {
        inbox.close();
        pool.close();
    }
}
