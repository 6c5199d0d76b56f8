package io.calplanebot.core.state;

import io.calplanebot.core.port.out.StateStore;
import io.calplanebot.core.testing.StateStoreContract;

class InMemoryStateStoreTest extends StateStoreContract {
    @Override
    protected StateStore newStore() {
        return new InMemoryStateStore();
    }
}
