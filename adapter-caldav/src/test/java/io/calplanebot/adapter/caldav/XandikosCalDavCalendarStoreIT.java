package io.calplanebot.adapter.caldav;

import io.calplanebot.adapter.caldav.testing.CalDavServerKind;

/** Xandikos 0.2 behind lighttpd (Basic): errors arrive as 207 with the real status inside, MKCALENDAR keeps only the display name. */
class XandikosCalDavCalendarStoreIT extends LocalServerCalDavCalendarStoreIT {
    XandikosCalDavCalendarStoreIT() {
        super(CalDavServerKind.XANDIKOS, AuthType.BASIC, ServerQuirks.XANDIKOS);
    }
}
