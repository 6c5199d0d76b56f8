package io.calplanebot.adapter.state;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Base64;

/**
 * The state as a portable text file, to back it up or to move it from the embedded database to PostgreSQL
 * ({@code calplanebot state export|import}). One record per line, fields separated by tabs, text fields in base64:
 * <pre>
 * calplanebot-state 1
 * inbox  id subject updated_at_us|- received_at_ms done_at_ms|- headers body fingerprint
 * applied subject updated_at_us
 * finished last_finished_ms
 * </pre>
 * Claims and the held lease are not exported: they belong to processes of the old store. An import adds to what
 * the target holds (a delivery already there is kept, an applied time only moves forward).
 */
public final class StateDump {
    static final String HEADER = "calplanebot-state 1";

    private StateDump() {
    }

    /** What an export wrote or an import added. */
    public record Counts(int deliveries, int openDeliveries, int appliedSubjects) {
    }

    static Counts write(Sql sql, Writer out) {
        return sql.inTransaction("export the state", connection -> {
            try {
                out.write(HEADER + "\n");
                int deliveries = 0;
                int open = 0;
                try (PreparedStatement select = connection.prepareStatement("SELECT id, subject, updated_at_us,"
                        + " received_at_ms, done_at_ms, headers, body, fingerprint FROM webhook_inbox"
                        + " ORDER BY received_at_ms, id");
                     ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        long updated = rows.getLong(3);
                        String updatedText = rows.wasNull() ? "-" : Long.toString(updated);
                        long done = rows.getLong(5);
                        boolean isOpen = rows.wasNull();
                        out.write(String.join("\t", "inbox", rows.getString(1), Base64Text.encode(rows.getString(2)),
                                updatedText, Long.toString(rows.getLong(4)), isOpen ? "-" : Long.toString(done),
                                Base64Text.encode(rows.getString(6)), rows.getString(7), rows.getString(8)) + "\n");
                        deliveries++;
                        open += isOpen ? 1 : 0;
                    }
                }
                int applied = 0;
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT subject, updated_at_us FROM applied_change ORDER BY subject");
                     ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        out.write(String.join("\t", "applied", Base64Text.encode(rows.getString(1)),
                                Long.toString(rows.getLong(2))) + "\n");
                        applied++;
                    }
                }
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT last_finished_ms FROM sync_lease WHERE name = 'full-sync'");
                     ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        long finished = rows.getLong(1);
                        if (!rows.wasNull()) {
                            out.write("finished\t" + finished + "\n");
                        }
                    }
                }
                out.flush();
                return new Counts(deliveries, open, applied);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static Counts read(Sql sql, Reader in) throws IOException {
        BufferedReader lines = new BufferedReader(in);
        String header = lines.readLine();
        if (!HEADER.equals(header)) {
            throw new IllegalArgumentException("not a CalPlaneBot state export (its first line must be '" + HEADER
                    + "')");
        }
        java.util.List<String[]> records = new java.util.ArrayList<>();
        int lineNumber = 1;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            int expected = switch (fields[0]) {
                case "inbox" -> 9;
                case "applied" -> 3;
                case "finished" -> 2;
                default -> -1;
            };
            if (fields.length != expected) {
                throw new IllegalArgumentException("line " + lineNumber + " is not a state record");
            }
            records.add(fields);
        }
        return sql.inTransaction("import the state", connection -> insert(connection, records));
    }

    private static Counts insert(Connection connection, java.util.List<String[]> records) throws SQLException {
        int deliveries = 0;
        int open = 0;
        int applied = 0;
        try (PreparedStatement inbox = connection.prepareStatement("INSERT INTO webhook_inbox (id, subject,"
                + " updated_at_us, received_at_ms, done_at_ms, headers, body, fingerprint)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
             PreparedStatement subject = connection.prepareStatement(JdbcAppliedChanges.UPSERT);
             PreparedStatement finished = connection.prepareStatement("UPDATE sync_lease SET last_finished_ms = ?"
                     + " WHERE name = 'full-sync' AND (last_finished_ms IS NULL OR last_finished_ms < ?)")) {
            for (String[] r : records) {
                try {
                    switch (r[0]) {
                        case "inbox" -> {
                            inbox.setString(1, r[1]);
                            inbox.setString(2, Base64Text.decode(r[2]));
                            if (r[3].equals("-")) {
                                inbox.setNull(3, Types.BIGINT);
                            } else {
                                inbox.setLong(3, Long.parseLong(r[3]));
                            }
                            inbox.setLong(4, Long.parseLong(r[4]));
                            if (r[5].equals("-")) {
                                inbox.setNull(5, Types.BIGINT);
                            } else {
                                inbox.setLong(5, Long.parseLong(r[5]));
                            }
                            inbox.setString(6, Base64Text.decode(r[6]));
                            Base64.getDecoder().decode(r[7]);
                            inbox.setString(7, r[7]);
                            inbox.setString(8, r[8]);
                            int added = inbox.executeUpdate();
                            deliveries += added;
                            open += r[5].equals("-") ? added : 0;
                        }
                        case "applied" -> {
                            subject.setString(1, Base64Text.decode(r[1]));
                            subject.setLong(2, Long.parseLong(r[2]));
                            applied += subject.executeUpdate() > 0 ? 1 : 0;
                        }
                        default -> {
                            finished.setLong(1, Long.parseLong(r[1]));
                            finished.setLong(2, Long.parseLong(r[1]));
                            finished.executeUpdate();
                        }
                    }
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("a " + r[0] + " record cannot be read: " + e.getMessage(), e);
                }
            }
        }
        return new Counts(deliveries, open, applied);
    }
}
