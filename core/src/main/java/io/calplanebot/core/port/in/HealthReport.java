package io.calplanebot.core.port.in;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The health metrics of the service since it started, and how each peer was doing when last heard of.
 *
 * @param projectsSynced distinct projects synced without error since start
 * @param lastSync       when the last full sync finished
 * @param issueSource    the issue tracker (Plane)
 * @param targets        each calendar target, in the runtime's order
 */
public record HealthReport(
        SyncState syncState,
        long projectsSynced,
        long eventsCreated,
        long eventsUpdated,
        long eventsDeleted,
        Optional<Instant> lastSync,
        PeerHealth issueSource,
        Map<String, PeerHealth> targets) {

    public HealthReport {
        Objects.requireNonNull(syncState, "sync state");
        Objects.requireNonNull(lastSync, "last sync");
        Objects.requireNonNull(issueSource, "issue source");
        targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    }

    public ConnectionState issueSourceConnection() {
        return issueSource.state();
    }

    /** The worst target: unhealthy when any is; healthy when one is known to be and none is down; else unknown. */
    public ConnectionState calendarConnection() {
        boolean anyHealthy = false;
        for (PeerHealth target : targets.values()) {
            if (target.state() == ConnectionState.UNHEALTHY) {
                return ConnectionState.UNHEALTHY;
            }
            anyHealthy |= target.state() == ConnectionState.HEALTHY;
        }
        return anyHealthy ? ConnectionState.HEALTHY : ConnectionState.UNKNOWN;
    }

    /** Healthy when neither peer is known to be down. */
    public boolean healthy() {
        return calendarConnection() != ConnectionState.UNHEALTHY
                && issueSourceConnection() != ConnectionState.UNHEALTHY;
    }
}
