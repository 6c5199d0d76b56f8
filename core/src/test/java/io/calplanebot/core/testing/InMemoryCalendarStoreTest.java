package io.calplanebot.core.testing;

import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.port.out.CalendarStore;

/** The contract, run against the in-memory store that core's own tests rely on. */
class InMemoryCalendarStoreTest extends CalendarStoreContract {
    private InMemoryCalendarStore memory;

    @Override
    protected CalendarStore store() {
        memory = new InMemoryCalendarStore();
        return memory;
    }

    @Override
    protected void putForeignEvent(CalendarId calendar, String uid, String summary) {
        memory.plant(calendar, Events.anEvent().withUid(uid).withSummary(summary).build());
    }
}
