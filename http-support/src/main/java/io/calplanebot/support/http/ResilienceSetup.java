package io.calplanebot.support.http;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * The retry and circuit breaker of an adapter, registered under its name in the registries the application passed
 * in (so that it can publish their metrics). A registry that already holds an entry of that name hands it back.
 */
public final class ResilienceSetup {
    private ResilienceSetup() {
    }

    /** Retries transient failures, waiting {@code firstBackoff} and then twice as long after each failure. */
    public static Retry retry(RetryRegistry registry, String name, int maxAttempts, Duration firstBackoff,
                              Predicate<Throwable> isTransient) {
        return registry.retry(name, RetryConfig.custom()
                .maxAttempts(maxAttempts)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(firstBackoff, 2.0))
                .retryOnException(isTransient)
                .build());
    }

    /** Retries transient failures, waiting as long as {@code wait} says (for example after a Retry-After). */
    public static <T> Retry retry(RetryRegistry registry, String name, int maxAttempts,
                                  IntervalBiFunction<T> wait, Predicate<Throwable> isTransient) {
        return registry.retry(name, RetryConfig.<T>custom()
                .maxAttempts(maxAttempts)
                .intervalBiFunction(wait)
                .retryOnException(isTransient)
                .build());
    }

    /**
     * Opens after half of at least 5 of the last 10 calls failed transiently, and stays open for {@code openFor}.
     */
    public static CircuitBreaker circuitBreaker(CircuitBreakerRegistry registry, String name, Duration openFor,
                                                Predicate<Throwable> isTransient) {
        return registry.circuitBreaker(name, CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(openFor)
                .recordException(isTransient)
                .build());
    }

    /** {@code first} doubled for each attempt after the first, capped at {@code max}. */
    public static Duration exponentialBackoff(Duration first, int attempt, Duration max) {
        long millis = first.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
