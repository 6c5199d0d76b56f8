package io.calplanebot.adapter.caldav;

import io.calplanebot.adapter.caldav.testing.CalDavServerKind;

/** Cyrus IMAP 3.6 CalDAV with Basic auth: the strictest preconditions, splits CATEGORIES, leaves @ unencoded in hrefs. */
class CyrusCalDavCalendarStoreIT extends LocalServerCalDavCalendarStoreIT {
    CyrusCalDavCalendarStoreIT() {
        super(CalDavServerKind.CYRUS, AuthType.BASIC, ServerQuirks.CYRUS);
    }
}
