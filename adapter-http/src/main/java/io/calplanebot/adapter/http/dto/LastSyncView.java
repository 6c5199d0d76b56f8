package io.calplanebot.adapter.http.dto;

import io.calplanebot.adapter.http.support.Timestamps;
import io.calplanebot.core.port.in.RecordedRun;

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

    public static LastSyncView from(RecordedRun run) {
        double seconds = Math.round(run.duration().toMillis() / 10.0) / 100.0;
        return new LastSyncView(Timestamps.iso(run.finishedAt()), seconds, run.result().wireName(),
                run.counts().processed(), run.errors(),
                run.targets().stream().map(TargetView::from).collect(Collectors.toList()));
    }
}
