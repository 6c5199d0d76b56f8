package io.calplanebot.adapter.plane.client;

import java.time.Duration;

/** Hears every request that got a permit of the client's rate budget: why it was made and how long it waited. */
@FunctionalInterface
public interface BudgetObserver {

    BudgetObserver NONE = (purpose, waited) -> {
    };

    void granted(RequestPurpose purpose, Duration waited);
}
