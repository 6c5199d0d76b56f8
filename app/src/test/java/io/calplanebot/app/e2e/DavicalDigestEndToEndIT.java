package io.calplanebot.app.e2e;

import io.calplanebot.adapter.caldav.AuthType;
import io.calplanebot.adapter.caldav.testing.CalDavServerKind;

/** The end-to-end scenario against DAViCal with Digest authentication. */
class DavicalDigestEndToEndIT extends EndToEndScenario {
    DavicalDigestEndToEndIT() {
        super(CalDavServerKind.DAVICAL, AuthType.DIGEST);
    }
}
