package io.calplanebot.core.sync;

/** Why an event is to be deleted. */
public enum DeleteReason {
    /** The issue is still listed but has no target date any more. */
    UNDATED,
    /** The issue is no longer in the project's listing (deleted, archived, moved to another project). */
    ISSUE_GONE,
    /** A second copy of an event we own under another resource name. */
    DUPLICATE
}
