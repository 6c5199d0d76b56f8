package io.calplanebot.adapter.caldav;

/**
 * Where a server's behaviour legitimately differs, so that the shared scenarios can state each server's
 * behaviour exactly instead of accepting either outcome.
 *
 * @param rejectsDuplicateUids     refuses a second resource with the same UID in one calendar (no-uid-conflict)
 * @param keepsCalendarDescription stores CALDAV:calendar-description (Xandikos 0.2 answers 409 to it)
 * @param keepsCommasInCategories  keeps an escaped comma inside one category (Xandikos and Cyrus split it)
 * @param escapesDisplayNames      hands back {@code & < >} in a display name still XML-escaped once (DAViCal)
 * @param syncTokens               what the server does with calendar sync tokens (RFC 6578)
 */
record ServerQuirks(boolean rejectsDuplicateUids, boolean keepsCalendarDescription, boolean keepsCommasInCategories,
                    boolean escapesDisplayNames, SyncTokens syncTokens) {
    static final ServerQuirks RADICALE = new ServerQuirks(true, true, true, false, SyncTokens.REFUSES_UNKNOWN);
    static final ServerQuirks XANDIKOS = new ServerQuirks(true, false, false, false, SyncTokens.REFUSES_UNKNOWN);
    static final ServerQuirks DAVICAL = new ServerQuirks(false, true, true, true, SyncTokens.LISTS_UNKNOWN_FROM_SCRATCH);
    static final ServerQuirks SABREDAV = new ServerQuirks(false, true, true, false, SyncTokens.NONE);
    static final ServerQuirks CYRUS = new ServerQuirks(true, true, false, false, SyncTokens.REFUSES_UNKNOWN);

    /** How a server keeps sync tokens. */
    enum SyncTokens {
        /** Keeps them, and refuses one it does not know (Radicale and Cyrus 403, Xandikos 500). */
        REFUSES_UNKNOWN,
        /** Keeps them, and answers one it does not know with its members alone, not the removed ones (DAViCal). */
        LISTS_UNKNOWN_FROM_SCRATCH,
        /** Keeps none (SabreDAV 1.8, as Debian ships it). */
        NONE
    }
}
