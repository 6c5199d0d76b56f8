package io.calplanebot.adapter.plane;

import io.calplanebot.adapter.plane.client.BudgetObserver;
import io.calplanebot.adapter.plane.client.RequestPurpose;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Plane requests by purpose ({@code calplanebot_plane_budget_requests_total}) and the time each waited for the rate
 * budget ({@code calplanebot_plane_budget_wait_seconds}), tagged {@code purpose}: {@code webhook}, {@code probe} or
 * {@code full_sync}. Every purpose is registered up front, so a dashboard sees zeros rather than nothing.
 */
final class PlaneBudgetMetrics implements BudgetObserver {
    private final Map<RequestPurpose, Counter> requests = new EnumMap<>(RequestPurpose.class);
    private final Map<RequestPurpose, Timer> waits = new EnumMap<>(RequestPurpose.class);

    private PlaneBudgetMetrics(MeterRegistry meters) {
        for (RequestPurpose purpose : RequestPurpose.values()) {
            requests.put(purpose, Counter.builder("calplanebot_plane_budget_requests")
                    .description("Requests to Plane by purpose (each attempt, after its permit of the rate budget)")
                    .tag("purpose", purpose.tag()).register(meters));
            waits.put(purpose, Timer.builder("calplanebot_plane_budget_wait")
                    .description("Time a request to Plane waited for the client's rate budget, by purpose")
                    .tag("purpose", purpose.tag()).register(meters));
        }
    }

    /** Metrics in {@code meters}; nothing is recorded without a registry. */
    static BudgetObserver of(MeterRegistry meters) {
        return meters == null ? BudgetObserver.NONE : new PlaneBudgetMetrics(meters);
    }

    @Override
    public void granted(RequestPurpose purpose, Duration waited) {
        requests.get(purpose).increment();
        waits.get(purpose).record(waited);
    }
}
