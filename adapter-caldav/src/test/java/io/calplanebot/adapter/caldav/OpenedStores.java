package io.calplanebot.adapter.caldav;

import java.util.ArrayList;
import java.util.List;

/** Stores a test opened, closed together after each test so that no connection pool outlives it. */
final class OpenedStores {
    private final List<CalDavCalendarStore> stores = new ArrayList<>();

    CalDavCalendarStore add(CalDavCalendarStore store) {
        stores.add(store);
        return store;
    }

    void closeAll() {
        stores.forEach(CalDavCalendarStore::close);
        stores.clear();
    }
}
