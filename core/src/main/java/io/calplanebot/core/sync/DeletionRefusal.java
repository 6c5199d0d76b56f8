package io.calplanebot.core.sync;

/**
 * The mass-deletion guard held back a plan's deletions.
 *
 * @param wouldDelete how many deletions were held back
 * @param owned       how many owned events the calendar holds
 */
public record DeletionRefusal(int wouldDelete, int owned) {

    /** What happened and how to go ahead anyway. */
    public String message() {
        return "Refused to delete " + wouldDelete + " of " + owned + " events (more than half of the calendar's events "
                + "and more than " + DeletionGuard.MAX_UNGUARDED_DELETES + "). If these issues really are gone, run "
                + "'calplanebot sync --force-delete' or set SYNC_FORCE_DELETE=true for one run.";
    }
}
