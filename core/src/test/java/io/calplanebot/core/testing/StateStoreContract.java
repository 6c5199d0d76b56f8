package io.calplanebot.core.testing;

import io.calplanebot.core.domain.state.InboxDelivery;
import io.calplanebot.core.domain.state.LeaseGrant;
import io.calplanebot.core.domain.webhook.RawWebhook;
import io.calplanebot.core.port.out.StateStore;
import io.calplanebot.core.port.out.WebhookInbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link StateStore} must do; each implementation's test extends this. */
public abstract class StateStoreContract {
    protected static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    protected StateStore store;

    /** A new, empty store. */
    protected abstract StateStore newStore() throws Exception;

    /** The same store again, as a new process would open it after this one ended; the old one is closed. */
    protected StateStore reopen(StateStore old) throws Exception {
        return old;
    }

    @BeforeEach
    void open() throws Exception {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private WebhookInbox inbox() {
        return store.inbox();
    }

    protected static RawWebhook delivery(String body) {
        return new RawWebhook(Map.of("X-Plane-Event", List.of("issue"), "X-Plane-Signature", List.of("abc")),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private String stored(String body, String subject, Instant at) {
        return inbox().store(delivery(body), subject, Optional.of(at), at).orElseThrow();
    }

    @Test
    void aStoredDelivery_comesBackExactly_byteForByte_withItsHeaders_afterAReopen() throws Exception {
        byte[] odd = {'{', (byte) 0xC3, (byte) 0xA9, 0, (byte) 0xFF, '}'};
        RawWebhook webhook = new RawWebhook(Map.of("X-Plane-Event", List.of("issue"),
                "X-Plane-Delivery", List.of("d-1", "d-2")), odd);
        String id = inbox().store(webhook, "issue:a", Optional.of(T0.plusMillis(123)), T0).orElseThrow();
        store = reopen(store);

        List<InboxDelivery> taken = inbox().takeOver("b", T0.plusSeconds(60), T0.plusSeconds(60),
                T0.plusSeconds(120), 10);

        assertThat(taken).hasSize(1);
        InboxDelivery back = taken.get(0);
        assertThat(back.id()).isEqualTo(id);
        assertThat(back.subject()).isEqualTo("issue:a");
        assertThat(back.updatedAt()).contains(T0.plusMillis(123));
        assertThat(back.receivedAt()).isEqualTo(T0);
        assertThat(back.webhook()).isEqualTo(webhook);
        assertThat(back.webhook().body()).isEqualTo(odd);
    }

    @Test
    void theSameBodyTwice_isARepeat_andStoredOnce() {
        assertThat(inbox().store(delivery("{\"a\":1}"), "issue:a", Optional.empty(), T0)).isPresent();

        assertThat(inbox().store(delivery("{\"a\":1}"), "issue:a", Optional.empty(), T0.plusSeconds(1))).isEmpty();
        assertThat(inbox().open()).isEqualTo(1);
    }

    @Test
    void aClaim_isExclusive_untilItRunsOut_thenAnotherOwnerMayTakeIt() {
        String id = stored("{\"n\":1}", "issue:a", T0);

        assertThat(inbox().claim(Set.of(id), "a", T0, T0.plusSeconds(60))).containsExactly(id);
        assertThat(inbox().claim(Set.of(id), "b", T0.plusSeconds(30), T0.plusSeconds(90))).isEmpty();
        assertThat(inbox().claim(Set.of(id), "a", T0.plusSeconds(30), T0.plusSeconds(90))).containsExactly(id);
        assertThat(inbox().claim(Set.of(id), "b", T0.plusSeconds(91), T0.plusSeconds(150))).containsExactly(id);
    }

    @Test
    void aDoneDelivery_isNeitherClaimedNorTakenOver_norOpen() {
        String id = stored("{\"n\":1}", "issue:a", T0);
        inbox().claim(Set.of(id), "a", T0, T0.plusSeconds(60));

        inbox().done(Set.of(id), T0.plusSeconds(1));

        assertThat(inbox().open()).isZero();
        assertThat(inbox().claim(Set.of(id), "b", T0.plusSeconds(100), T0.plusSeconds(200))).isEmpty();
        assertThat(inbox().takeOver("b", T0.plusSeconds(100), T0.plusSeconds(100), T0.plusSeconds(200), 10))
                .isEmpty();
    }

    @Test
    void aDeliveryStoredDone_isRecognisedWhenRepeated_butNeverOpenClaimedOrTakenOver_andIsPrunedLikeAnother() {
        String id = inbox().storeDone(delivery("{\"n\":1}"), "issue:a", Optional.of(T0), T0).orElseThrow();

        assertThat(inbox().storeDone(delivery("{\"n\":1}"), "issue:a", Optional.of(T0), T0.plusSeconds(1)))
                .isEmpty();
        assertThat(inbox().store(delivery("{\"n\":1}"), "issue:a", Optional.of(T0), T0.plusSeconds(1))).isEmpty();
        assertThat(inbox().open()).isZero();
        assertThat(inbox().claim(Set.of(id), "b", T0.plusSeconds(100), T0.plusSeconds(200))).isEmpty();
        assertThat(inbox().takeOver("b", T0.plusSeconds(100), T0.plusSeconds(100), T0.plusSeconds(200), 10))
                .isEmpty();
        inbox().prune(T0.plusSeconds(10));
        assertThat(inbox().store(delivery("{\"n\":1}"), "issue:a", Optional.empty(), T0.plusSeconds(20)))
                .isPresent();
    }

    @Test
    void takeOver_takesOrphansAndRunOutClaims_oldestFirst_butNotFreshOrHeldDeliveries() {
        String orphan = stored("{\"n\":1}", "issue:a", T0);
        String expired = stored("{\"n\":2}", "issue:b", T0.plusSeconds(1));
        String held = stored("{\"n\":3}", "issue:c", T0.plusSeconds(2));
        String fresh = stored("{\"n\":4}", "issue:d", T0.plusSeconds(50));
        inbox().claim(Set.of(expired), "dead", T0.plusSeconds(1), T0.plusSeconds(20));
        inbox().claim(Set.of(held), "alive", T0.plusSeconds(2), T0.plusSeconds(200));

        List<InboxDelivery> taken = inbox().takeOver("b", T0.plusSeconds(60), T0.plusSeconds(30),
                T0.plusSeconds(180), 10);

        assertThat(taken).extracting(InboxDelivery::id).containsExactly(orphan, expired);
        assertThat(inbox().claim(Set.of(orphan, expired), "c", T0.plusSeconds(61), T0.plusSeconds(99))).isEmpty();
        assertThat(inbox().claim(Set.of(fresh), "c", T0.plusSeconds(61), T0.plusSeconds(99))).containsExactly(fresh);
    }

    @Test
    void takeOver_takesAtMostTheLimit() {
        for (int i = 0; i < 5; i++) {
            stored("{\"n\":" + i + "}", "issue:" + i, T0.plusMillis(i));
        }

        assertThat(inbox().takeOver("b", T0.plusSeconds(60), T0.plusSeconds(60), T0.plusSeconds(90), 3)).hasSize(3);
        assertThat(inbox().takeOver("c", T0.plusSeconds(60), T0.plusSeconds(60), T0.plusSeconds(90), 3)).hasSize(2);
    }

    @Test
    void aReleasedClaim_isFreeAtOnce() {
        String id = stored("{\"n\":1}", "issue:a", T0);
        inbox().claim(Set.of(id), "a", T0, T0.plusSeconds(600));

        inbox().release(Set.of(id), "a");

        assertThat(inbox().claim(Set.of(id), "b", T0.plusSeconds(1), T0.plusSeconds(60))).containsExactly(id);
    }

    @Test
    void prune_forgetsOldDoneDeliveries_soTheirBodyIsNewAgain_andKeepsOpenOnes() {
        String done = stored("{\"n\":1}", "issue:a", T0);
        String open = stored("{\"n\":2}", "issue:b", T0);
        inbox().done(Set.of(done), T0.plusSeconds(1));

        inbox().prune(T0.plusSeconds(10));

        assertThat(inbox().store(delivery("{\"n\":1}"), "issue:a", Optional.empty(), T0.plusSeconds(20)))
                .isPresent();
        assertThat(inbox().store(delivery("{\"n\":2}"), "issue:b", Optional.empty(), T0.plusSeconds(20))).isEmpty();
        assertThat(inbox().claim(Set.of(open), "a", T0.plusSeconds(20), T0.plusSeconds(60))).containsExactly(open);
    }

    @Test
    void concurrentClaims_ofTheSameDeliveries_giveEachToExactlyOneOwner() throws Exception {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            ids.add(stored("{\"n\":" + i + "}", "issue:" + i, T0));
        }
        Map<String, String> winners = new ConcurrentHashMap<>();
        List<String> doubles = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        try {
            for (int w = 0; w < 4; w++) {
                String owner = "w" + w;
                pool.execute(() -> {
                    try {
                        go.await();
                        for (String id : ids) {
                            for (String got : inbox().claim(Set.of(id), owner, T0, T0.plusSeconds(60))) {
                                if (winners.putIfAbsent(got, owner) != null) {
                                    doubles.add(got);
                                }
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            go.countDown();
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(doubles).isEmpty();
        assertThat(winners.keySet()).isEqualTo(ids);
    }

    @Test
    void appliedChanges_keepTheNewest_andSurviveAReopen() throws Exception {
        store.appliedChanges().recordApplied("issue:a", T0.plusSeconds(5));
        store.appliedChanges().recordApplied("issue:a", T0.plusSeconds(1));
        store = reopen(store);

        assertThat(store.appliedChanges().lastApplied("issue:a")).contains(T0.plusSeconds(5));
        assertThat(store.appliedChanges().lastApplied("issue:b")).isEmpty();
        store.appliedChanges().recordApplied("issue:a", T0.plusSeconds(9));
        assertThat(store.appliedChanges().lastApplied("issue:a")).contains(T0.plusSeconds(9));
    }

    @Test
    void appliedChanges_recordedAllAtOnce_keepTheNewestOfEach() throws Exception {
        store.appliedChanges().recordApplied("issue:a", T0.plusSeconds(5));
        Map<String, Instant> batch = new java.util.LinkedHashMap<>();
        batch.put("issue:a", T0.plusSeconds(2));
        for (int i = 0; i < 1200; i++) {
            batch.put("issue:n" + i, T0.plusSeconds(i));
        }
        store.appliedChanges().recordAllApplied(batch);
        store.appliedChanges().recordAllApplied(Map.of());
        store = reopen(store);

        assertThat(store.appliedChanges().lastApplied("issue:a")).contains(T0.plusSeconds(5));
        assertThat(store.appliedChanges().lastApplied("issue:n0")).contains(T0);
        assertThat(store.appliedChanges().lastApplied("issue:n1199")).contains(T0.plusSeconds(1199));
    }

    @Test
    void theLease_isHeldByOne_untilReleasedOrRunOut_andEachNewHolderGetsAGreaterFencingToken() {
        Duration period = Duration.ofSeconds(60);
        LeaseGrant a = store.syncLease().tryAcquire("a", T0, period).orElseThrow();

        assertThat(store.syncLease().tryAcquire("b", T0.plusSeconds(10), period)).isEmpty();
        assertThat(store.syncLease().current(T0.plusSeconds(10))).map(LeaseGrant::holder).contains("a");
        LeaseGrant renewed = store.syncLease().renew(a, T0.plusSeconds(50), period).orElseThrow();
        assertThat(store.syncLease().tryAcquire("b", T0.plusSeconds(70), period)).isEmpty();

        LeaseGrant b = store.syncLease().tryAcquire("b", T0.plusSeconds(111), period).orElseThrow();
        assertThat(b.fencingToken()).isGreaterThan(renewed.fencingToken());
        assertThat(store.syncLease().renew(renewed, T0.plusSeconds(112), period)).isEmpty();

        store.syncLease().release(b, T0.plusSeconds(120));
        assertThat(store.syncLease().current(T0.plusSeconds(121))).isEmpty();
        assertThat(store.syncLease().lastFinished()).contains(T0.plusSeconds(120));
        assertThat(store.syncLease().tryAcquire("c", T0.plusSeconds(121), period)).isPresent();
    }

    @Test
    void aLeaseThatRanOutUnreleased_isAbandoned_untilSomeoneTakesOrReleasesIt() {
        Duration period = Duration.ofSeconds(60);
        LeaseGrant a = store.syncLease().tryAcquire("a", T0, period).orElseThrow();

        assertThat(store.syncLease().abandoned(T0.plusSeconds(59))).isEmpty();
        assertThat(store.syncLease().abandoned(T0.plusSeconds(60))).contains(a);
        LeaseGrant b = store.syncLease().tryAcquire("b", T0.plusSeconds(61), period).orElseThrow();
        assertThat(store.syncLease().abandoned(T0.plusSeconds(62))).isEmpty();
        store.syncLease().release(b, T0.plusSeconds(70));
        assertThat(store.syncLease().abandoned(T0.plusSeconds(500))).isEmpty();
    }

    private static io.calplanebot.core.port.in.RecordedRun run(String id, Instant started, String error) {
        return new io.calplanebot.core.port.in.RecordedRun(id, started, Duration.ofMillis(1500),
                io.calplanebot.core.port.in.RunResult.PARTIAL,
                new io.calplanebot.core.port.in.SyncCounts(3, 2, 1, 40, 1, 0), List.of(error, "second\nline"),
                List.of(new io.calplanebot.core.port.in.RecordedRun.Target("builtin",
                                io.calplanebot.core.port.in.RunResult.SUCCESS,
                                new io.calplanebot.core.port.in.SyncCounts(2, 1, 0, 20, 0, 0), List.of()),
                        new io.calplanebot.core.port.in.RecordedRun.Target("caldav",
                                io.calplanebot.core.port.in.RunResult.PARTIAL,
                                new io.calplanebot.core.port.in.SyncCounts(1, 1, 1, 20, 1, 0), List.of(error))));
    }

    @Test
    void theSyncRunLog_givesTheRunThatFinishedLast_whole_afterAReopen() throws Exception {
        assertThat(store.syncRuns().last()).isEmpty();
        io.calplanebot.core.port.in.RecordedRun older = run("sync-1", T0, "Could not reach Plane: é");
        io.calplanebot.core.port.in.RecordedRun newer = run("sync-2", T0.plusSeconds(60), "[caldav] 503\tx");

        store.syncRuns().record(newer);
        store.syncRuns().record(older);
        store = reopen(store);

        assertThat(store.syncRuns().last()).contains(newer);
    }

    @Test
    void releasingALostLease_leavesTheNewHolderAlone() {
        Duration period = Duration.ofSeconds(60);
        LeaseGrant a = store.syncLease().tryAcquire("a", T0, period).orElseThrow();
        LeaseGrant b = store.syncLease().tryAcquire("b", T0.plusSeconds(61), period).orElseThrow();

        store.syncLease().release(a, T0.plusSeconds(62));

        assertThat(store.syncLease().current(T0.plusSeconds(63))).contains(b);
    }
}
