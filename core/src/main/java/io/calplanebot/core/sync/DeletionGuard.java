package io.calplanebot.core.sync;

/**
 * Refuses a plan's deletions when they would remove more than half of a calendar's owned events and more than
 * {@value #MAX_UNGUARDED_DELETES} of them: that looks like a broken listing or a misconfiguration rather than
 * real work.
 */
public final class DeletionGuard {
    public static final int MAX_UNGUARDED_DELETES = 10;

    private DeletionGuard() {
    }

    public static boolean refuses(int deletes, int owned, boolean force) {
        if (force) {
            return false;
        }
        return deletes > MAX_UNGUARDED_DELETES && deletes * 2 > owned;
    }
}
