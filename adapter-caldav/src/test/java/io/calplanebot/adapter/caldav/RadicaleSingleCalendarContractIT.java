package io.calplanebot.adapter.caldav;

import io.calplanebot.adapter.caldav.dav.Hrefs;
import io.calplanebot.adapter.caldav.testing.CalDavServer;
import io.calplanebot.adapter.caldav.testing.CalDavServerKind;
import io.calplanebot.adapter.caldav.testing.CalDavServers;
import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.port.out.CalendarStore;
import io.calplanebot.core.testing.CalendarStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

/**
 * The store contract in single-calendar mode: the configured URL is one calendar and every project's events go
 * there. Each test gets a fresh calendar of its own (Radicale starts in a fraction of a second).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RadicaleSingleCalendarContractIT extends CalendarStoreContract {
    private CalDavServer server;
    private RawCalDav raw;
    private final OpenedStores opened = new OpenedStores();

    @BeforeAll
    void startServer() {
        server = CalDavServers.startOrSkip(CalDavServerKind.RADICALE, AuthType.BASIC);
        raw = new RawCalDav(server.endpoint());
    }

    @AfterAll
    void stopServer() {
        if (raw != null) {
            raw.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void closeStores() {
        opened.closeAll();
    }

    @Override
    protected CalendarStore store() {
        URI calendar = Hrefs.childCollection(URI.create(server.calendarHomeUrl()), "shared-" + UUID.randomUUID());
        raw.mkcalendar(calendar, "Shared deadlines");
        return opened.add(CalDavCalendarStore.builder(server.settings(calendar.toString()))
                .retries(2, Duration.ofMillis(50)).build());
    }

    @Override
    protected boolean calendarPerProject() {
        return false;
    }

    @Override
    protected void putForeignEvent(CalendarId calendar, String uid, String summary) {
        raw.put(Hrefs.child(URI.create(calendar.value()), uid + ".ics"), ForeignEvents.allDay(uid, summary));
    }
}
