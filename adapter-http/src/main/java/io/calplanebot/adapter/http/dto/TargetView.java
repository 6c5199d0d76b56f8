package io.calplanebot.adapter.http.dto;

import io.calplanebot.core.port.in.SyncCounts;
import io.calplanebot.core.port.in.RecordedRun;

import java.util.List;

/** One target's part of a full sync, in {@code last_sync.targets} of {@code GET /webhooks/status}. */
public record TargetView(String target, String status, int created, int updated, int deleted, int unchanged,
                         int failed, List<String> errors) {

    public static TargetView from(RecordedRun.Target target) {
        SyncCounts counts = target.counts();
        return new TargetView(target.target(), target.result().wireName(), counts.created(), counts.updated(),
                counts.deleted(), counts.unchanged(), counts.failed(), target.errors());
    }
}
