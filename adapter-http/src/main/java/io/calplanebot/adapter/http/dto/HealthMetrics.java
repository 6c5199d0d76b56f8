package io.calplanebot.adapter.http.dto;

import io.calplanebot.adapter.http.support.Timestamps;
import io.calplanebot.core.port.in.HealthReport;

import java.util.LinkedHashMap;
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
        Map<String, String> targets) {

    public static HealthMetrics from(HealthReport report) {
        return new HealthMetrics(report.projectsSynced(), report.eventsCreated(), report.eventsUpdated(),
                report.eventsDeleted(), Timestamps.isoOrNull(report.lastSync()), report.syncState().wireName(),
                report.calendarConnection().wireName(), report.issueSourceConnection().wireName(), targets(report));
    }

    private static Map<String, String> targets(HealthReport report) {
        Map<String, String> states = new LinkedHashMap<>();
        report.targets().forEach((target, state) -> states.put(target, state.wireName()));
        return states;
    }
}
