package io.calplanebot.core.port.in;

/** How one sync action ended. */
public enum OutcomeKind {
    CREATED, UPDATED, DELETED,
    /** The event turned out to match already (for example after a conflict was re-read). */
    UNCHANGED,
    FAILED,
    /** Dry run: the action was planned and not applied. */
    PLANNED
}
