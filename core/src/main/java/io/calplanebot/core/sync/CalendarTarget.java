package io.calplanebot.core.sync;

/** Where a project's events go in a run: a calendar that exists, or one a dry run found missing. */
sealed interface CalendarTarget permits ExistingCalendar, MissingCalendar {

    /** How reports name it. */
    String label();
}
