package io.calplanebot.adapter.state;

import io.calplanebot.core.port.in.RecordedRun;
import io.calplanebot.core.port.in.RunResult;
import io.calplanebot.core.port.in.SyncCounts;
import io.calplanebot.core.port.out.SyncRunLog;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finished runs in the {@code sync_run} table, the newest {@value #KEPT} kept. */
final class JdbcSyncRunLog implements SyncRunLog {
    static final int KEPT = 100;

    private final Sql sql;

    JdbcSyncRunLog(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void record(RecordedRun run) {
        sql.inTransaction("keep the finished sync", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sync_run (sync_id,"
                    + " started_at_ms, duration_ms, finished_at_ms, result, counts, errors, targets)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sync_id) DO NOTHING");
                 PreparedStatement prune = connection.prepareStatement("DELETE FROM sync_run WHERE finished_at_ms <"
                         + " (SELECT MIN(finished_at_ms) FROM (SELECT finished_at_ms FROM sync_run"
                         + " ORDER BY finished_at_ms DESC LIMIT " + KEPT + ") AS newest)")) {
                insert.setString(1, run.syncId());
                insert.setLong(2, run.startedAt().toEpochMilli());
                insert.setLong(3, run.duration().toMillis());
                insert.setLong(4, run.finishedAt().toEpochMilli());
                insert.setString(5, run.result().name());
                insert.setString(6, counts(run.counts()));
                insert.setString(7, lines(run.errors()));
                List<String> targets = new ArrayList<>();
                for (RecordedRun.Target target : run.targets()) {
                    targets.add(String.join("\t", Base64Text.encode(target.target()), target.result().name(),
                            counts(target.counts()), Base64Text.encode(lines(target.errors()))));
                }
                insert.setString(8, String.join("\n", targets));
                insert.executeUpdate();
                prune.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<RecordedRun> last() {
        return sql.inTransaction("read the last finished sync", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT sync_id, started_at_ms,"
                    + " duration_ms, result, counts, errors, targets FROM sync_run"
                    + " ORDER BY finished_at_ms DESC, sync_id LIMIT 1");
                 ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.<RecordedRun>empty();
                }
                List<RecordedRun.Target> targets = new ArrayList<>();
                String text = row.getString(7);
                for (String line : text.isEmpty() ? new String[0] : text.split("\n")) {
                    String[] fields = line.split("\t", -1);
                    targets.add(new RecordedRun.Target(Base64Text.decode(fields[0]), RunResult.valueOf(fields[1]),
                            counts(fields[2]), unlines(Base64Text.decode(fields[3]))));
                }
                return Optional.of(new RecordedRun(row.getString(1), Instant.ofEpochMilli(row.getLong(2)),
                        Duration.ofMillis(row.getLong(3)), RunResult.valueOf(row.getString(4)), counts(row.getString(5)),
                        unlines(row.getString(6)), targets));
            }
        });
    }

    private static String counts(SyncCounts c) {
        return c.created() + " " + c.updated() + " " + c.deleted() + " " + c.unchanged() + " " + c.failed() + " "
                + c.planned();
    }

    private static SyncCounts counts(String text) {
        String[] n = text.split(" ");
        return new SyncCounts(Integer.parseInt(n[0]), Integer.parseInt(n[1]), Integer.parseInt(n[2]),
                Integer.parseInt(n[3]), Integer.parseInt(n[4]), Integer.parseInt(n[5]));
    }

    /** One base64 line per item, so items may hold line breaks. */
    private static String lines(List<String> items) {
        List<String> encoded = new ArrayList<>();
        items.forEach(item -> encoded.add(Base64Text.encode(item)));
        return String.join("\n", encoded);
    }

    private static List<String> unlines(String text) {
        List<String> items = new ArrayList<>();
        if (!text.isEmpty()) {
            for (String line : text.split("\n")) {
                items.add(Base64Text.decode(line));
            }
        }
        return items;
    }
}
