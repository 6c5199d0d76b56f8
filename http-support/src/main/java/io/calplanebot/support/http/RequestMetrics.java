package io.calplanebot.support.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Times an adapter's calls by {@code operation} and {@code outcome}: {@code ok}, or a word for the failure that a
 * user can read (the port exception's reason in lower case), {@code error} for anything else. Every operation's
 * {@code ok} series exists from the start. Without a registry nothing is recorded.
 */
public final class RequestMetrics {
    public static final String OK = "ok";
    public static final String ERROR = "error";

    private final MeterRegistry registry;
    private final String name;
    private final String description;
    private final Function<RuntimeException, String> outcomeOf;

    private RequestMetrics(MeterRegistry registry, String name, String description, List<String> operations,
                           Function<RuntimeException, String> outcomeOf) {
        this.registry = registry;
        this.name = name;
        this.description = description;
        this.outcomeOf = outcomeOf;
        if (registry != null) {
            operations.forEach(operation -> timer(operation, OK));
        }
    }

    /**
     * @param registry   where the timers go, or null to record nothing
     * @param outcomeOf  the outcome word for a failure; {@link #reasonOf(Enum)} turns a reason into one
     */
    public static RequestMetrics of(MeterRegistry registry, String name, String description, List<String> operations,
                                    Function<RuntimeException, String> outcomeOf) {
        return new RequestMetrics(registry, Objects.requireNonNull(name, "name"),
                Objects.requireNonNull(description, "description"), List.copyOf(operations),
                Objects.requireNonNull(outcomeOf, "outcome"));
    }

    /** A reason constant as an outcome word: {@code VERSION_CONFLICT} → {@code version_conflict}. */
    public static String reasonOf(Enum<?> reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }

    public <T> T time(String operation, Supplier<T> call) {
        if (registry == null) {
            return call.get();
        }
        Timer.Sample sample = Timer.start(registry);
        String outcome = OK;
        try {
            return call.get();
        } catch (RuntimeException e) {
            outcome = outcomeOf.apply(e);
            throw e;
        } finally {
            sample.stop(timer(operation, outcome == null ? ERROR : outcome));
        }
    }

    public void time(String operation, Runnable call) {
        time(operation, () -> {
            call.run();
            return null;
        });
    }

    private Timer timer(String operation, String outcome) {
        return Timer.builder(name).description(description)
                .tag("operation", operation).tag("outcome", outcome).register(registry);
    }
}
