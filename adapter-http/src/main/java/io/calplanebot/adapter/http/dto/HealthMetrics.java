package io.calplanebot.adapter.http.dto;

import io.calplanebot.adapter.http.support.Timestamps;
import io.calplanebot.core.port.in.HealthReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code metrics} object of {@code GET /api/v1/health}. */
public record HealthMetrics(
        long projectsSynced,
        long eventsCreated,
        long eventsUpdated,
        long eventsDeleted,
        String lastSync,
        String syncStatus,
        String caldavConnection,
        String planeApiConnection,
        Map<String, String> targets,
        List<PeerView> peers) {

    public static HealthMetrics from(HealthReport report) {
        return new HealthMetrics(report.projectsSynced(), report.eventsCreated(), report.eventsUpdated(),
                report.eventsDeleted(), Timestamps.isoOrNull(report.lastSync()), report.syncState().wireName(),
                report.calendarConnection().wireName(), report.issueSourceConnection().wireName(), targets(report),
                peers(report));
    }

    private static List<PeerView> peers(HealthReport report) {
        List<PeerView> peers = new ArrayList<>();
        peers.add(PeerView.issueSource(report.issueSource()));
        report.targets().forEach((target, health) -> peers.add(PeerView.target(target, health)));
        return peers;
    }

    private static Map<String, String> targets(HealthReport report) {
        Map<String, String> states = new LinkedHashMap<>();
        report.targets().forEach((target, health) -> states.put(target, health.state().wireName()));
        return states;
    }
}
