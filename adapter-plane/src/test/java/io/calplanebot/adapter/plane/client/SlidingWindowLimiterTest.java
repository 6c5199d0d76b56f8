package io.calplanebot.adapter.plane.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SlidingWindowLimiterTest {

    @Test
    void acquire_letsTheBudgetGoAtOnce_thenWaitsForTheOldestToLeaveTheWindow() throws InterruptedException {
        SlidingWindowLimiter limiter = new SlidingWindowLimiter(3, Duration.ofMillis(400));
        // The limiter takes each permit at some moment between the call and its return; the test's clock can only
        // bracket that moment, so a permit's window is checked from the call of the older one to the return of the
        // newer one, which holds whatever the scheduler does between the two readings.
        List<Long> asked = new ArrayList<>();
        List<Long> granted = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 7; i++) {
            asked.add(System.nanoTime() - start);
            assertThat(limiter.acquire(Duration.ofSeconds(5))).isTrue();
            granted.add(System.nanoTime() - start);
        }

        assertThat(granted.get(2)).as("the first three go out at once").isLessThan(Duration.ofMillis(200).toNanos());
        assertThat(granted.get(6)).as("the seventh waits two windows").isGreaterThanOrEqualTo(
                Duration.ofMillis(800).toNanos());
        for (int i = 3; i < granted.size(); i++) {
            assertThat(granted.get(i) - asked.get(i - 3)).as("never more than 3 in any 400 ms")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(400).toNanos());
        }
    }

    @Test
    void acquire_givesUp_whenNoPermitComesWithinTheLongestWait() throws InterruptedException {
        SlidingWindowLimiter limiter = new SlidingWindowLimiter(1, Duration.ofSeconds(10));
        assertThat(limiter.acquire(Duration.ofMillis(10))).isTrue();
        assertThat(limiter.acquire(Duration.ofMillis(50))).isFalse();
    }

    @Test
    void fullSyncPages_leaveTheReserveToWebhookReads() throws InterruptedException {
        SlidingWindowLimiter limiter = new SlidingWindowLimiter(6, Duration.ofSeconds(30), 2);
        int pages = 0;
        while (limiter.acquire(Duration.ofMillis(20), false)) {
            pages++;
        }

        assertThat(pages).as("pages stop at the budget less the reserve").isEqualTo(4);
        assertThat(limiter.acquire(Duration.ofMillis(20), true)).as("a webhook read still goes at once").isTrue();
        assertThat(limiter.acquire(Duration.ofMillis(20), true)).isTrue();
        assertThat(limiter.acquire(Duration.ofMillis(20), true)).as("the whole budget is spent").isFalse();
    }

    @Test
    void aWaitingWebhookRead_goesBeforeWaitingFullSyncPages() throws Exception {
        // One permit per window: when it frees, only one waiter can have it, so the order of the two is the
        // limiter's choice and not the scheduler's (the other one gets the next window's permit).
        SlidingWindowLimiter limiter = new SlidingWindowLimiter(1, Duration.ofSeconds(2), 0);
        assertThat(limiter.acquire(Duration.ofSeconds(1), false)).isTrue();
        List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread page = new Thread(() -> {
            try {
                if (limiter.acquire(Duration.ofSeconds(10), false)) {
                    order.add("page");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        page.start();
        awaitWaiting(page);
        Thread webhook = new Thread(() -> {
            try {
                if (limiter.acquire(Duration.ofSeconds(10), true)) {
                    order.add("webhook");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        webhook.start();
        awaitWaiting(webhook);
        assertThat(order).as("both wait for the window to free a permit").isEmpty();
        webhook.join(5000);
        page.join(8000);

        assertThat(order).containsExactly("webhook", "page");
    }

    /** Until the thread waits in the limiter (the window is long enough for that on a slow machine). */
    private static void awaitWaiting(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (thread.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(thread.getState()).isEqualTo(Thread.State.TIMED_WAITING);
    }
}
