package io.calplanebot.adapter.http.dto;

import io.calplanebot.core.port.in.SyncCounts;
import io.calplanebot.core.port.in.TargetReport;

import java.util.List;

/** One target's part of a full sync, in {@code last_sync.targets} of {@code GET /webhooks/status}. */
public record TargetView(String target, String status, int created, int updated, int deleted, int unchanged,
                         int failed, List<String> errors) {

    public static TargetView from(TargetReport report) {
        SyncCounts counts = report.counts();
        return new TargetView(report.target(), report.result().wireName(), counts.created(), counts.updated(),
                counts.deleted(), counts.unchanged(), counts.failed(), report.errors());
    }
}
