package io.calplanebot.adapter.caldav;

import io.calplanebot.adapter.caldav.testing.CalDavEndpoint;
import io.calplanebot.adapter.caldav.testing.CalDavServer;
import io.calplanebot.adapter.caldav.testing.CalDavServerKind;
import io.calplanebot.adapter.caldav.testing.CalDavServers;

/** The suite against a server started as a local process by {@link CalDavServers}, once per class. */
abstract class LocalServerCalDavCalendarStoreIT extends CalDavCalendarStoreIT {
    private final CalDavServerKind kind;
    private final AuthType auth;
    private final ServerQuirks quirks;
    private CalDavServer running;

    LocalServerCalDavCalendarStoreIT(CalDavServerKind kind, AuthType auth, ServerQuirks quirks) {
        this.kind = kind;
        this.auth = auth;
        this.quirks = quirks;
    }

    @Override
    protected CalDavEndpoint startServer() {
        running = CalDavServers.startOrSkip(kind, auth);
        return running.endpoint();
    }

    @Override
    protected void stopServer() {
        if (running != null) {
            running.close();
        }
    }

    @Override
    protected ServerQuirks quirks() {
        return quirks;
    }
}
