package io.calplanebot.core.sync;

import io.calplanebot.core.domain.state.InboxDelivery;
import io.calplanebot.core.domain.state.LeaseGrant;
import io.calplanebot.core.port.in.RunFullSyncUseCase;
import io.calplanebot.core.port.in.RunSyncCommand;
import io.calplanebot.core.port.in.SyncInProgressException;
import io.calplanebot.core.port.out.SyncLease;
import io.calplanebot.core.domain.webhook.WebhookNotification;
import io.calplanebot.core.domain.webhook.WebhookRejectedException;
import io.calplanebot.core.port.out.StateStore;
import io.calplanebot.core.port.out.SyncListener;
import io.calplanebot.core.port.out.TaskScheduler;
import io.calplanebot.core.port.out.WebhookInbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finishes what a process that died left behind, at start and then regularly:
 * <ul>
 *   <li>the inbox's orphans: deliveries that were answered but not applied because the process that took them died
 *       (or was stopped) before, or whose claim ran out. At start it takes every open delivery of a store this
 *       process has to itself. Each is decoded again with the current runtime's decoder and queued in the
 *       {@link ChangePipeline}; done deliveries older than a day are forgotten;</li>
 *   <li>a full sync whose holder died before it finished (its lease ran out unreleased): this process starts one
 *       (the lease lets only one replica do so).</li>
 * </ul>
 */
public final class CrashRecovery implements AutoCloseable {
    static final int BATCH = 500;
    static final Duration KEEP_DONE = Duration.ofDays(1);
    private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");

    private final RuntimeHolder runtime;
    private final ChangePipeline pipeline;
    private final WebhookInbox inbox;
    private final boolean shared;
    private final String owner;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final SyncListener listener;
    private final InboxTiming timing;
    private final RunFullSyncUseCase fullSync;
    private final SyncLease lease;
    private TaskScheduler.Cancellable next;
    private boolean closed;

    public CrashRecovery(RuntimeHolder runtime, ChangePipeline pipeline, StateStore state, String owner,
                         TaskScheduler scheduler, Clock clock, SyncListener listener, InboxTiming timing,
                         RunFullSyncUseCase fullSync) {
        this.fullSync = Objects.requireNonNull(fullSync, "full sync");
        this.lease = state.syncLease();
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.inbox = Objects.requireNonNull(state, "state").inbox();
        this.shared = state.shared();
        this.owner = Objects.requireNonNull(owner, "owner");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.timing = Objects.requireNonNull(timing, "timing");
    }

    /** Takes over what is left in the inbox now, then scans regularly. */
    public void start() {
        scan(true);
    }

    /**
     * Takes over open deliveries: at start of a store no other process shares, all of them; otherwise those nobody
     * claimed within the take-over time and those whose claim ran out.
     *
     * @return how many deliveries were taken over
     */
    int scanOnce(boolean atStart) {
        Instant now = clock.instant();
        boolean everything = atStart && !shared;
        Instant unclaimedBefore = everything ? now.plusNanos(1) : now.minus(timing.takeOverAfter());
        // A store nobody else shares: claims still held at start are the dead predecessor's, whatever their expiry.
        Instant claimsExpiredBy = everything ? FAR_FUTURE : now;
        int taken = 0;
        while (true) {
            List<InboxDelivery> batch = inbox.takeOver(owner, claimsExpiredBy, unclaimedBefore,
                    now.plus(timing.claimHold()), BATCH);
            for (InboxDelivery delivery : batch) {
                pipeline.resume(delivery, decode(delivery));
            }
            taken += batch.size();
            if (batch.size() < BATCH) {
                break;
            }
        }
        if (taken > 0) {
            listener.deliveriesTakenOver(taken);
        }
        inbox.prune(now.minus(KEEP_DONE));
        return taken;
    }

    private Optional<WebhookNotification> decode(InboxDelivery delivery) {
        try {
            return Optional.of(runtime.use(rt -> rt.decoder()
                    .orElseThrow(() -> new IllegalStateException("this service takes no webhooks now"))
                    .decode(delivery.webhook())));
        } catch (WebhookRejectedException e) {
            listener.webhookRejected(e);
            return Optional.empty();
        }
    }

    /**
     * Starts a full sync when the last one's holder died before it finished.
     *
     * @return whether this process started one
     */
    boolean finishAbandonedSync(boolean atStart) {
        Optional<LeaseGrant> abandoned = lease.abandoned(clock.instant());
        if (atStart && !shared && abandoned.isEmpty()) {
            // Nobody else shares this store: a lease still held at start is the dead predecessor's.
            abandoned = lease.current(clock.instant());
            abandoned.ifPresent(grant -> lease.release(grant, Instant.EPOCH));
        }
        if (abandoned.isEmpty()) {
            return false;
        }
        try {
            fullSync.triggerFullSync(RunSyncCommand.everything());
            listener.abandonedSyncRestarted(abandoned.get().holder());
            return true;
        } catch (SyncInProgressException anotherReplicaWasFaster) {
            return false;
        }
    }

    private void scan(boolean atStart) {
        try {
            scanOnce(atStart);
            finishAbandonedSync(atStart);
        } catch (RuntimeException e) {
            // The state store is unreachable: the next scan tries again.
        }
        synchronized (this) {
            if (!closed) {
                next = scheduler.schedule(timing.scanEvery(), () -> scan(false));
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (next != null) {
            next.cancel();
        }
    }
}
