package io.calplanebot.core.port.in;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A finished full sync as the state store keeps it: what {@code /webhooks/status} shows as the last run, also after a
 * restart and on every replica.
 *
 * @param counts  the run's counts over all targets
 * @param targets the same, target by target
 */
public record RecordedRun(String syncId, Instant startedAt, Duration duration, RunResult result, SyncCounts counts,
                          List<String> errors, List<Target> targets) {
    public RecordedRun {
        Objects.requireNonNull(syncId, "sync id");
        Objects.requireNonNull(startedAt, "started at");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(counts, "counts");
        errors = List.copyOf(errors);
        targets = List.copyOf(targets);
    }

    /** What a run's report says, without its per-event outcomes. */
    public static RecordedRun of(SyncReport report) {
        return new RecordedRun(report.syncId(), report.startedAt(), report.duration(), report.result(),
                report.counts(), report.errors(), report.targets().stream()
                .map(t -> new Target(t.target(), t.result(), t.counts(), t.errors())).toList());
    }

    public Instant finishedAt() {
        return startedAt.plus(duration);
    }

    /** One target's part of the run. */
    public record Target(String target, RunResult result, SyncCounts counts, List<String> errors) {
        public Target {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(counts, "counts");
            errors = List.copyOf(errors);
        }
    }
}
