package io.calplanebot.adapter.http.dto;

import io.calplanebot.adapter.http.support.Timestamps;
import io.calplanebot.core.port.in.SyncStatus;

/** {@code GET /webhooks/status}. */
public record SyncStatusView(String status, LastSyncView lastSync, String nextSync, int queueLength) {

    public static SyncStatusView from(SyncStatus status) {
        return new SyncStatusView(status.state().wireName(), status.lastRecordedRun().map(LastSyncView::from).orElse(null),
                Timestamps.isoOrNull(status.nextRun()), status.queueLength());
    }
}
