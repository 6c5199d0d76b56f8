package io.calplanebot.app.e2e;

import io.calplanebot.adapter.caldav.AuthType;
import io.calplanebot.adapter.caldav.testing.CalDavServerKind;

/** The end-to-end scenario against Radicale with Basic authentication. */
class RadicaleEndToEndIT extends EndToEndScenario {
    RadicaleEndToEndIT() {
        super(CalDavServerKind.RADICALE, AuthType.BASIC);
    }
}
