package io.calplanebot.core.sync;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How many writes a full sync carries out at once: fewer while the store is found unreachable. */
class WriteLimitTest {

    /** {@code writes} successful writes, with the store kept as busy as the limit allows; the limit after each. */
    private static List<Integer> succeed(WriteLimit limit, int writes) {
        List<Integer> limits = new ArrayList<>();
        Deque<Integer> inFlight = new ArrayDeque<>();
        for (int i = 0; i < writes; i++) {
            while (inFlight.size() < limit.limit()) {
                inFlight.add(limit.acquire());
            }
            limit.succeeded(inFlight.poll());
            limits.add(limit.limit());
        }
        while (!inFlight.isEmpty()) {
            inFlight.poll();
            limit.ended();
        }
        return limits;
    }

    private static void unreachable(WriteLimit limit) {
        limit.acquire();
        limit.overloaded();
    }

    @Test
    void aStoreThatAnswers_getsTheMaximumFromTheStart_andKeepsIt() {
        WriteLimit limit = new WriteLimit(4, n -> { });

        assertThat(limit.limit()).isEqualTo(4);
        assertThat(succeed(limit, 200)).containsOnly(4);
    }

    @Test
    void aStoreFoundUnreachable_getsHalfAsManyAtOnce_neverFewerThanOne() {
        WriteLimit limit = new WriteLimit(4, n -> { });

        unreachable(limit);
        assertThat(limit.limit()).isEqualTo(2);
        unreachable(limit);
        assertThat(limit.limit()).isEqualTo(1);
        unreachable(limit);
        assertThat(limit.limit()).isEqualTo(1);
    }

    @Test
    void afterwards_everyWindowOfWritesThatSucceeded_allowsOneMore_upToTheMaximum() {
        WriteLimit limit = new WriteLimit(4, n -> { });
        unreachable(limit);
        unreachable(limit);

        List<Integer> limits = succeed(limit, 4 * WriteLimit.WINDOW);

        assertThat(limits.get(WriteLimit.WINDOW - 2)).isEqualTo(1);
        assertThat(limits.get(WriteLimit.WINDOW - 1)).isEqualTo(2);
        assertThat(limits.get(2 * WriteLimit.WINDOW - 1)).isEqualTo(3);
        assertThat(limits.get(3 * WriteLimit.WINDOW - 1)).isEqualTo(4);
        assertThat(limits.subList(3 * WriteLimit.WINDOW, limits.size())).containsOnly(4);
    }

    @Test
    void anUnreachableStoreInTheMiddleOfAWindow_startsTheWindowAgain() {
        WriteLimit limit = new WriteLimit(4, n -> { });
        unreachable(limit);
        unreachable(limit);
        succeed(limit, WriteLimit.WINDOW - 1);

        unreachable(limit);
        succeed(limit, WriteLimit.WINDOW - 1);

        assertThat(limit.limit()).as("seven writes since the last failure").isEqualTo(1);
    }

    @Test
    void windowsThatNeverFilledTheLimit_doNotRaiseIt() {
        WriteLimit limit = new WriteLimit(4, n -> { });
        unreachable(limit);
        assertThat(limit.limit()).isEqualTo(2);

        for (int i = 0; i < 10 * WriteLimit.WINDOW; i++) {
            limit.succeeded(limit.acquire());
        }

        assertThat(limit.limit()).as("one write at a time tells nothing of three").isEqualTo(2);
    }

    @Test
    void writesThatToldNothing_doNotRaiseIt() {
        WriteLimit limit = new WriteLimit(4, n -> { });
        unreachable(limit);
        unreachable(limit);
        for (int i = 0; i < 10 * WriteLimit.WINDOW; i++) {
            limit.acquire();
            limit.ended();
        }

        assertThat(limit.limit()).isEqualTo(1);
    }

    @Test
    void everyChange_isTold() {
        List<Integer> told = Collections.synchronizedList(new ArrayList<>());
        WriteLimit limit = new WriteLimit(3, told::add);

        unreachable(limit);
        unreachable(limit);
        succeed(limit, 3 * WriteLimit.WINDOW);

        assertThat(told).containsExactly(1, 2, 3);
    }

    @Test
    void aWriteBeyondTheLimit_waitsUntilOneInFlightEnds() throws Exception {
        WriteLimit limit = new WriteLimit(2, n -> { });
        unreachable(limit);
        int first = limit.acquire();

        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(limit::acquire);
        assertThatThrownBy(() -> second.get(200, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        limit.succeeded(first);

        assertThat(second.get(10, TimeUnit.SECONDS)).as("in flight with it").isEqualTo(1);
    }

    @Test
    void aMaximumBelowOne_isRefused() {
        assertThatThrownBy(() -> new WriteLimit(0, n -> { })).isInstanceOf(IllegalArgumentException.class);
    }
}
