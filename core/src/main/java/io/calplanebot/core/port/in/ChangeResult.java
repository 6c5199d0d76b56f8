package io.calplanebot.core.port.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What applying one change did.
 *
 * @param note why nothing was written, when that is the case (e.g. "stale delivery", "ignored event")
 */
public record ChangeResult(List<ActionOutcome> outcomes, Optional<String> note) {
    public ChangeResult {
        outcomes = List.copyOf(outcomes);
        Objects.requireNonNull(note, "note");
    }

    public static ChangeResult nothing(String note) {
        return new ChangeResult(List.of(), Optional.of(note));
    }

    public boolean failed() {
        return outcomes.stream().anyMatch(ActionOutcome::failed);
    }
}
