package io.calplanebot.adapter.builtin;

import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.port.out.CalendarStore;
import io.calplanebot.core.testing.CalendarStoreContract;
import io.calplanebot.core.testing.Events;
import io.calplanebot.ical.ICalEventCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** The calendar store contract, run against the built-in store on a temporary data directory. */
class VdirCalendarStoreTest extends CalendarStoreContract {
    @TempDir
    Path data;
    private VdirCalendarStore vdir;

    @Override
    protected CalendarStore store() {
        vdir = VdirCalendarStore.open(data, Clock.systemUTC());
        return vdir;
    }

    /** Another vdir client (khal, vdirsyncer) drops a file into the calendar's folder. */
    @Override
    protected void putForeignEvent(CalendarId calendar, String uid, String summary) {
        String ics = new ICalEventCodec(Clock.systemUTC()).encodeNew(Events.anEvent().withUid(uid).withSummary(summary)
                .build());
        try {
            Files.writeString(data.resolve("calendars").resolve(calendar.value()).resolve("foreign-" + uid.hashCode()
                    + ".ics"), ics, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void closeStore() {
        vdir.close();
    }
}
