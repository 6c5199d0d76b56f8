package io.calplanebot.core.port.in;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The health metrics of the service since it started.
 *
 * @param projectsSynced distinct projects synced without error since start
 * @param lastSync       when the last full sync finished
 * @param targets        each target's connection; {@code calendarConnection} is the worst of them
 */
public record HealthReport(
        SyncState syncState,
        long projectsSynced,
        long eventsCreated,
        long eventsUpdated,
        long eventsDeleted,
        Optional<Instant> lastSync,
        ConnectionState calendarConnection,
        ConnectionState issueSourceConnection,
        Map<String, ConnectionState> targets) {

    public HealthReport {
        Objects.requireNonNull(syncState, "sync state");
        Objects.requireNonNull(lastSync, "last sync");
        Objects.requireNonNull(calendarConnection, "calendar connection");
        Objects.requireNonNull(issueSourceConnection, "issue source connection");
        targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    }

    /** Healthy when neither peer is known to be down. */
    public boolean healthy() {
        return calendarConnection != ConnectionState.UNHEALTHY && issueSourceConnection != ConnectionState.UNHEALTHY;
    }
}
