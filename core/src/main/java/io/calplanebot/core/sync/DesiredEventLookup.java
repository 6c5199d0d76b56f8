package io.calplanebot.core.sync;

import io.calplanebot.core.domain.CalendarEvent;

import java.util.Optional;

/**
 * What an event should be now, asked again when a write met a version conflict: the conflicting writer may have
 * written newer data than the plan was made from, and a retry must not put the older data back.
 */
@FunctionalInterface
public interface DesiredEventLookup {

    /** Keeps the plan's wish; right when the plan was made from data read just before. */
    DesiredEventLookup AS_PLANNED = (action, planned) -> planned;

    /**
     * @param action  the action that met the conflict
     * @param planned the event the plan wanted (empty: no event)
     * @return the event wanted now (empty: no event); {@code planned} when that cannot be known
     */
    Optional<CalendarEvent> desiredNow(SyncAction action, Optional<CalendarEvent> planned);
}
