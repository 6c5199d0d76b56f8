package io.calplanebot.adapter.caldav;

import io.calplanebot.adapter.caldav.testing.CalDavServerKind;

/** SabreDAV 1.8 (Debian php-sabre-dav) with Digest auth, set up like Baikal: accepts duplicate UIDs. */
class SabreDavCalDavCalendarStoreIT extends LocalServerCalDavCalendarStoreIT {
    SabreDavCalDavCalendarStoreIT() {
        super(CalDavServerKind.SABREDAV, AuthType.DIGEST, ServerQuirks.SABREDAV);
    }
}
