package io.calplanebot.adapter.caldav;

/**
 * Where a server's behaviour legitimately differs, so that the shared scenarios can state each server's
 * behaviour exactly instead of accepting either outcome.
 *
 * @param rejectsDuplicateUids     refuses a second resource with the same UID in one calendar (no-uid-conflict)
 * @param keepsCalendarDescription stores CALDAV:calendar-description (Xandikos 0.2 answers 409 to it)
 * @param keepsCommasInCategories  keeps an escaped comma inside one category (Xandikos and Cyrus split it)
 * @param escapesDisplayNames      hands back {@code & < >} in a display name still XML-escaped once (DAViCal)
 */
record ServerQuirks(boolean rejectsDuplicateUids, boolean keepsCalendarDescription, boolean keepsCommasInCategories,
                    boolean escapesDisplayNames) {
    static final ServerQuirks RADICALE = new ServerQuirks(true, true, true, false);
    static final ServerQuirks XANDIKOS = new ServerQuirks(true, false, false, false);
    static final ServerQuirks DAVICAL = new ServerQuirks(false, true, true, true);
    static final ServerQuirks SABREDAV = new ServerQuirks(false, true, true, false);
    static final ServerQuirks CYRUS = new ServerQuirks(true, true, false, false);
}
