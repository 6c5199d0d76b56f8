package io.calplanebot.adapter.http.limit;

import io.calplanebot.adapter.http.RateLimit;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {
    private static final Instant T0 = Instant.parse("2025-12-27T10:30:00Z");
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void acquire_countsDownToZero_thenRefuses_withRetryAfterUntilTheWindowEnds() {
        RateLimiter limiter = new RateLimiter(clock, 100);
        RateLimit limit = RateLimit.perMinute(2);

        RateLimitDecision first = limiter.acquire("w", "a", limit);
        RateLimitDecision second = limiter.acquire("w", "a", limit);
        now.set(T0.plusSeconds(45));
        RateLimitDecision third = limiter.acquire("w", "a", limit);

        assertThat(first).isEqualTo(new RateLimitDecision(true, 2, 1, T0.getEpochSecond() + 60, 0));
        assertThat(second.remaining()).isZero();
        assertThat(second.allowed()).isTrue();
        assertThat(third).isEqualTo(new RateLimitDecision(false, 2, 0, T0.getEpochSecond() + 60, 15));
    }

    @Test
    void clientsAndBuckets_haveSeparateWindows() {
        RateLimiter limiter = new RateLimiter(clock, 100);
        RateLimit one = RateLimit.perMinute(1);
        limiter.acquire("w", "a", one);

        assertThat(limiter.acquire("w", "b", one).allowed()).isTrue();
        assertThat(limiter.acquire("s", "a", one).allowed()).isTrue();
        assertThat(limiter.acquire("w", "a", one).allowed()).isFalse();
    }

    @Test
    void resetOfAWindowStartingMidSecond_roundsUp() {
        now.set(T0.plusMillis(250));
        RateLimiter limiter = new RateLimiter(clock, 100);

        assertThat(limiter.acquire("w", "a", RateLimit.perMinute(5)).resetEpochSecond()).isEqualTo(T0.getEpochSecond() + 61);
    }

    @Test
    void changedWindowLength_startsAFreshWindow() {
        RateLimiter limiter = new RateLimiter(clock, 100);
        limiter.acquire("w", "a", RateLimit.perMinute(1));

        RateLimitDecision decision = limiter.acquire("w", "a", RateLimit.perHour(1));

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.resetEpochSecond()).isEqualTo(T0.getEpochSecond() + 3600);
    }

    @Test
    void memoryStaysBounded_underManyClients() {
        RateLimiter limiter = new RateLimiter(clock, 50);

        for (int i = 0; i < 1000; i++) {
            limiter.acquire("w", "client-" + i, RateLimit.perMinute(10));
            assertThat(limiter.trackedClients()).isLessThanOrEqualTo(50);
        }
    }

    @Test
    void endedWindows_areDropped_onTheNextSweep() {
        RateLimiter limiter = new RateLimiter(clock, 1000);
        for (int i = 0; i < 20; i++) {
            limiter.acquire("w", "client-" + i, RateLimit.perMinute(10));
        }

        now.set(T0.plus(Duration.ofMinutes(2)));
        limiter.acquire("w", "late", RateLimit.perMinute(10));

        assertThat(limiter.trackedClients()).isEqualTo(1);
    }

    @Test
    void aBurstAtTheEndOfAWindow_andOneAtTheStartOfTheNext_togetherPassOnlyTheLimit() {
        RateLimiter limiter = new RateLimiter(clock, 100);
        RateLimit limit = RateLimit.perMinute(5);
        assertThat(limiter.acquire("w", "a", limit).allowed()).isTrue();
        now.set(T0.plusSeconds(59));
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.acquire("w", "a", limit).allowed()).isTrue();
        }

        now.set(T0.plusSeconds(60));
        int passed = 0;
        for (int i = 0; i < 5; i++) {
            passed += limiter.acquire("w", "a", limit).allowed() ? 1 : 0;
        }
        now.set(T0.plusSeconds(61));
        RateLimitDecision refused = limiter.acquire("w", "a", limit);

        assertThat(passed).as("only the request of T0 has left the window").isEqualTo(1);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).as("until the burst of T0+59 s leaves").isEqualTo(58);
        assertThat(refused.resetEpochSecond()).isEqualTo(T0.getEpochSecond() + 120);
    }

    @Test
    void noSpanOfOneWindowLength_everPassesMoreThanTheLimit_andRetryAfterIsExact() {
        RateLimiter limiter = new RateLimiter(clock, 100);
        RateLimit limit = RateLimit.perMinute(7);
        long seed = 20261130L;
        java.util.Random random = new java.util.Random(seed);
        java.util.List<Instant> passed = new java.util.ArrayList<>();
        Instant t = T0;
        for (int i = 0; i < 5_000; i++) {
            t = t.plusMillis(random.nextInt(random.nextInt(10) == 0 ? 30_000 : 1_500));
            now.set(t);
            RateLimitDecision decision = limiter.acquire("w", "a", limit);
            if (decision.allowed()) {
                passed.add(t);
            } else {
                assertThat(decision.remaining()).isZero();
                assertThat(decision.retryAfterSeconds()).isPositive();
            }
        }

        for (Instant start : passed) {
            Instant end = start.plus(limit.window());
            long inSpan = passed.stream().filter(p -> !p.isBefore(start) && p.isBefore(end)).count();
            assertThat(inSpan).as("seed %d, span from %s", seed, start).isLessThanOrEqualTo(7);
        }
        assertThat(passed.size()).as("seed %d", seed).isGreaterThan(500);
    }

    @Test
    void aRefusedClient_thatWaitsRetryAfter_isAllowed_andNotOneSecondEarlier() {
        RateLimiter limiter = new RateLimiter(clock, 100);
        RateLimit limit = RateLimit.perMinute(3);
        for (int i = 0; i < 3; i++) {
            now.set(T0.plusSeconds(10L * i));
            limiter.acquire("w", "a", limit);
        }
        now.set(T0.plusSeconds(25));
        RateLimitDecision refused = limiter.acquire("w", "a", limit);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(35);
        assertThat(refused.resetEpochSecond()).isEqualTo(T0.getEpochSecond() + 80);
        now.set(T0.plusSeconds(25 + 34));
        assertThat(limiter.acquire("w", "a", limit).allowed()).isFalse();
        now.set(T0.plusSeconds(25 + 35));
        RateLimitDecision allowed = limiter.acquire("w", "a", limit);
        assertThat(allowed.allowed()).isTrue();
        assertThat(allowed.remaining()).isZero();
    }
}
