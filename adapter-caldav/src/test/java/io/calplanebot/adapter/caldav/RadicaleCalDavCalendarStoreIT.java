package io.calplanebot.adapter.caldav;

import io.calplanebot.adapter.caldav.testing.CalDavServerKind;

/** Radicale 3.1 with Basic auth: rewrites events, answers 201 to updates and 200 + multistatus to DELETE. */
class RadicaleCalDavCalendarStoreIT extends LocalServerCalDavCalendarStoreIT {
    RadicaleCalDavCalendarStoreIT() {
        super(CalDavServerKind.RADICALE, AuthType.BASIC, ServerQuirks.RADICALE);
    }
}
