package io.calplanebot.app.observe;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.function.Supplier;

/** Records one call's duration with its operation and outcome (ok or the exception's simple name). */
final class Timing {
    private Timing() {
    }

    static void timed(MeterRegistry registry, String name, String description, String operation, Runnable call) {
        timed(registry, name, description, operation, () -> {
            call.run();
            return null;
        });
    }

    static <T> T timed(MeterRegistry registry, String name, String description, String operation, Supplier<T> call) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "ok";
        try {
            return call.get();
        } catch (RuntimeException e) {
            outcome = e.getClass().getSimpleName();
            throw e;
        } finally {
            sample.stop(Timer.builder(name).description(description)
                    .tag("operation", operation).tag("outcome", outcome).register(registry));
        }
    }
}
