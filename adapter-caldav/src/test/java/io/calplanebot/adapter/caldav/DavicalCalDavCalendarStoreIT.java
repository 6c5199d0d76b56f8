package io.calplanebot.adapter.caldav;

import io.calplanebot.adapter.caldav.testing.CalDavServerKind;

/** DAViCal 1.1 with Digest auth (PostgreSQL, php -S): stores events byte for byte and accepts duplicate UIDs. */
class DavicalCalDavCalendarStoreIT extends LocalServerCalDavCalendarStoreIT {
    DavicalCalDavCalendarStoreIT() {
        super(CalDavServerKind.DAVICAL, AuthType.DIGEST, ServerQuirks.DAVICAL);
    }
}
