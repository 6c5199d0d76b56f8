package io.calplanebot.adapter.http.dto;

import io.calplanebot.adapter.http.support.Timestamps;
import io.calplanebot.core.port.in.SyncReport;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code last_sync} object of {@code GET /webhooks/status}.
 *
 * @param timestamp       when the run finished
 * @param durationSeconds the run's duration, rounded to hundredths of a second
 */
public record LastSyncView(String timestamp, double durationSeconds, String status, int eventsProcessed,
                           List<String> errors, List<TargetView> targets) {

    public static LastSyncView from(SyncReport report) {
        double seconds = Math.round(report.duration().toMillis() / 10.0) / 100.0;
        return new LastSyncView(Timestamps.iso(report.startedAt().plus(report.duration())), seconds,
                report.result().wireName(), report.counts().processed(), report.errors(),
                report.targets().stream().map(TargetView::from).collect(Collectors.toList()));
    }
}
