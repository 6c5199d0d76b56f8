package io.calplanebot.core.port.in;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one full sync did to one target.
 *
 * @param target    the target's name, e.g. {@code builtin} or {@code caldav}
 * @param unchanged events that already matched
 * @param errors    this target's problems (also listed in the run's errors)
 * @param calendars the name people see for each calendar the outcomes name (e.g. {@code Plane: Mobile}), when one
 *                  project has it to itself
 */
public record TargetReport(String target, List<ActionOutcome> outcomes, int unchanged, List<String> errors,
                           Map<String, String> calendars) {
    public TargetReport {
        Objects.requireNonNull(target, "target");
        outcomes = List.copyOf(outcomes);
        errors = List.copyOf(errors);
        calendars = Map.copyOf(calendars);
    }

    public TargetReport(String target, List<ActionOutcome> outcomes, int unchanged, List<String> errors) {
        this(target, outcomes, unchanged, errors, Map.of());
    }

    public SyncCounts counts() {
        return SyncCounts.of(outcomes, unchanged);
    }

    /** {@code success} without errors; {@code failed} when nothing at all was done; {@code partial} otherwise. */
    public RunResult result() {
        if (errors.isEmpty()) {
            return RunResult.SUCCESS;
        }
        SyncCounts counts = counts();
        return counts.written() + counts.unchanged() + counts.planned() > 0 ? RunResult.PARTIAL : RunResult.FAILED;
    }
}
