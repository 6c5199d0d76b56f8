package io.calplanebot.core.port.in;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything one full sync did.
 *
 * @param unchanged events that already matched and needed no action
 * @param errors    human-readable problems, each saying what to do where that is known
 * @param targets   the same run, target by target (the outcomes and counts above are their sum)
 */
public record SyncReport(
        String syncId,
        Instant startedAt,
        Duration duration,
        RunResult result,
        boolean dryRun,
        List<ProjectResult> projects,
        List<ActionOutcome> outcomes,
        int unchanged,
        List<String> errors,
        List<TargetReport> targets) {

    public SyncReport {
        Objects.requireNonNull(syncId, "sync id");
        Objects.requireNonNull(startedAt, "started at");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(result, "result");
        projects = List.copyOf(projects);
        outcomes = List.copyOf(outcomes);
        errors = List.copyOf(errors);
        targets = List.copyOf(targets);
    }

    public SyncCounts counts() {
        return SyncCounts.of(outcomes, unchanged);
    }
}
