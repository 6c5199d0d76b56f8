package io.calplanebot.core.sync;

import io.calplanebot.core.port.in.ActionKind;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a sync of one calendar is to do.
 *
 * @param actions         the writes, creates and updates first
 * @param unchanged       owned events that already match
 * @param keptForListing  owned events of issues missing from an incomplete listing, kept on purpose
 * @param refusal         set when the deletion guard held back deletions
 */
public record SyncPlan(List<SyncAction> actions, int unchanged, int keptForListing, Optional<DeletionRefusal> refusal) {
    public SyncPlan {
        actions = List.copyOf(actions);
        Objects.requireNonNull(refusal, "refusal");
    }

    public boolean isEmpty() {
        return actions.isEmpty();
    }

    public long count(ActionKind kind) {
        return actions.stream().filter(a -> a.kind() == kind).count();
    }
}
