package io.calplanebot.core.port.in;

import java.util.Collection;

/** How many events a run created, updated, deleted, left unchanged, failed on, or (dry run) planned. */
public record SyncCounts(int created, int updated, int deleted, int unchanged, int failed, int planned) {

    public static SyncCounts of(Collection<ActionOutcome> outcomes, int unchangedWithoutAction) {
        int created = 0;
        int updated = 0;
        int deleted = 0;
        int unchanged = unchangedWithoutAction;
        int failed = 0;
        int planned = 0;
        for (ActionOutcome outcome : outcomes) {
            switch (outcome.outcome()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case DELETED -> deleted++;
                case UNCHANGED -> unchanged++;
                case FAILED -> failed++;
                case PLANNED -> planned++;
                default -> throw new AssertionError(outcome.outcome());
            }
        }
        return new SyncCounts(created, updated, deleted, unchanged, failed, planned);
    }

    /** Every event the run looked at. */
    public int processed() {
        return created + updated + deleted + unchanged + failed + planned;
    }

    /** Writes that succeeded. */
    public int written() {
        return created + updated + deleted;
    }
}
