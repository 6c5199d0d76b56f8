package io.calplanebot.core.sync;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.EventIdentity;
import io.calplanebot.core.domain.EventVersion;
import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.core.port.in.ActionOutcome;
import io.calplanebot.core.port.in.OutcomeKind;
import io.calplanebot.core.port.out.CalendarStore;
import io.calplanebot.core.port.out.CalendarStoreException;
import io.calplanebot.core.port.out.EventAlreadyExistsException;
import io.calplanebot.core.port.out.EventNotFoundException;
import io.calplanebot.core.port.out.StaleVersionException;
import io.calplanebot.core.port.out.SyncListener;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Applies a plan with conditional writes. Every action ends with an outcome and one failure never stops the
 * others. When a write meets a version conflict, the event is re-read, that one item is re-planned and the write
 * is retried once.
 */
public final class SyncExecutor {
    private final String target;
    private final CalendarStore store;
    private final SyncPlanner planner = new SyncPlanner();
    private final IssueLocks locks;
    private final SyncListener listener;
    private final DesiredEventLookup desiredNow;
    private final WriteGuard guard;
    private final Writers writers;
    private final WriteLimit limit;
    private volatile Object listening = new Object();
    private volatile Written written = Written.NONE;

    public SyncExecutor(SyncTarget target, IssueLocks locks, SyncListener listener) {
        this(target, locks, listener, DesiredEventLookup.AS_PLANNED);
    }

    /** @param desiredNow asked what an event should be now before a retry after a conflict */
    public SyncExecutor(SyncTarget target, IssueLocks locks, SyncListener listener,
                        DesiredEventLookup desiredNow) {
        this(target, locks, listener, desiredNow, WriteGuard.NONE);
    }

    /** @param guard asked under the event's lock whether an action must be left out */
    SyncExecutor(SyncTarget target, IssueLocks locks, SyncListener listener, DesiredEventLookup desiredNow,
                 WriteGuard guard) {
        this(target, locks, listener, desiredNow, guard, Writers.SEQUENTIAL);
    }

    /** @param writers where the actions of one plan are carried out, and how many at once */
    SyncExecutor(SyncTarget target, IssueLocks locks, SyncListener listener, DesiredEventLookup desiredNow,
                 WriteGuard guard, Writers writers) {
        this.writers = Objects.requireNonNull(writers, "writers");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.target = target.name();
        this.store = Objects.requireNonNull(target.store(), "store");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.desiredNow = Objects.requireNonNull(desiredNow, "desired event lookup");
        if (writers.parallelism() > 1) {
            this.limit = new WriteLimit(writers.parallelism(), n -> listener.writesAtOnce(this.target, n));
            listener.writesAtOnce(this.target, limit.limit());
        } else {
            this.limit = null;
        }
    }

    /** Tells {@code value} of every event this executor writes, with the version the store gave it. */
    SyncExecutor onWritten(Written value) {
        this.written = Objects.requireNonNull(value, "written");
        return this;
    }

    /**
     * Tells the listener of each write under {@code lock}: executors that share it are heard one write at a time
     * between them too (the targets of one full sync, written at the same time).
     */
    SyncExecutor heardUnder(Object lock) {
        this.listening = Objects.requireNonNull(lock, "lock");
        return this;
    }

    /** Hears what an executor wrote: the event as stored now, or empty when it is gone or its version unknown. */
    @FunctionalInterface
    interface Written {
        Written NONE = (calendar, identity, stored) -> {
        };

        void written(CalendarId calendar, EventIdentity identity, Optional<StoredEvent> stored);
    }

    /**
     * Carries out every action of the plan, each under its event's lock: one after another, or several at once, as
     * many as this executor's {@link WriteLimit} allows (at most the writers' parallelism). The outcomes come back
     * in the plan's order; the listener hears each as it completes (one at a time, see {@link #heardUnder}).
     */
    public List<ActionOutcome> execute(CalendarId calendar, SyncPlan plan) {
        List<SyncAction> actions = plan.actions();
        int workers = Math.min(writers.parallelism(), actions.size());
        if (workers <= 1) {
            List<ActionOutcome> outcomes = new ArrayList<>();
            for (SyncAction action : actions) {
                outcomes.add(carryOut(calendar, action));
            }
            return outcomes;
        }
        ActionOutcome[] outcomes = new ActionOutcome[actions.size()];
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < actions.size(); i = next.getAndIncrement()) {
                outcomes[i] = carryOut(calendar, actions.get(i));
            }
        };
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            try {
                running.add(CompletableFuture.runAsync(worker, writers.executor()));
            } catch (RejectedExecutionException e) {
                worker.run();
            }
        }
        for (CompletableFuture<Void> work : running) {
            try {
                work.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : e;
            }
        }
        return List.of(outcomes);
    }

    private ActionOutcome carryOut(CalendarId calendar, SyncAction action) {
        ActionOutcome outcome = locks.withLock(action.uid(), () -> run(calendar, action));
        synchronized (listening) {
            listener.actionCompleted(outcome);
        }
        return outcome;
    }

    /** The outcomes a dry run reports: every action planned, nothing written. */
    static List<ActionOutcome> planned(String target, CalendarTarget calendar, SyncPlan plan) {
        List<ActionOutcome> outcomes = new ArrayList<>();
        for (SyncAction action : plan.actions()) {
            outcomes.add(new ActionOutcome(target, calendar.label(), action.uid(), action.summary(), dateOf(action),
                    action.kind(), OutcomeKind.PLANNED, describe(action)));
        }
        return outcomes;
    }

    private ActionOutcome run(CalendarId calendar, SyncAction action) {
        try {
            Optional<String> refusal = guard.refusal(action);
            if (refusal.isPresent()) {
                return new ActionOutcome(target, calendar.value(), action.uid(), action.summary(), dateOf(action),
                        action.kind(), OutcomeKind.UNCHANGED, refusal);
            }
            return perform(calendar, action, action, Optional.empty());
        } catch (StaleVersionException | EventAlreadyExistsException | EventNotFoundException conflict) {
            return retryAfterConflict(calendar, action, conflict);
        } catch (RuntimeException e) {
            return failed(calendar, action, e);
        }
    }

    private ActionOutcome retryAfterConflict(CalendarId calendar, SyncAction action, CalendarStoreException conflict) {
        try {
            Optional<StoredEvent> fresh = store.findEvent(calendar, identityOf(action));
            if (fresh.isPresent() && !fresh.get().uid().equals(action.uid())) {
                return failed(calendar, action, new IllegalStateException("resource " + identityOf(action).resourceName()
                        + " holds another event (UID " + fresh.get().uid() + "); it was left untouched"));
            }
            Optional<SyncAction> again = planner.replan(desiredNow.desiredNow(action, desiredOf(action)), fresh);
            String note = "after a conflict (" + conflict.getMessage() + ")";
            if (again.isEmpty()) {
                OutcomeKind kind = action instanceof DeleteEvent ? OutcomeKind.DELETED : OutcomeKind.UNCHANGED;
                return new ActionOutcome(target, calendar.value(), action.uid(), action.summary(), dateOf(action),
                        action.kind(), kind, Optional.of("already as wanted " + note));
            }
            return perform(calendar, action, again.get(), Optional.of("retried " + note));
        } catch (RuntimeException e) {
            return failed(calendar, action, e);
        }
    }

    private ActionOutcome perform(CalendarId calendar, SyncAction planned, SyncAction action, Optional<String> note) {
        OutcomeKind kind;
        if (action instanceof CreateEvent) {
            CreateEvent create = (CreateEvent) action;
            Optional<EventVersion> version = limited(() -> store.create(calendar, create.event()));
            written.written(calendar, create.event().identity(), version.map(v -> new StoredEvent(
                    create.event().identity(), v, create.event())));
            kind = OutcomeKind.CREATED;
        } else if (action instanceof UpdateEvent) {
            UpdateEvent update = (UpdateEvent) action;
            Optional<EventVersion> version = limited(() -> store.update(calendar, update.current().identity(),
                    update.desired(), update.current().version()));
            written.written(calendar, update.current().identity(), version.map(v -> new StoredEvent(
                    update.current().identity(), v, update.desired())));
            kind = OutcomeKind.UPDATED;
        } else if (action instanceof DeleteEvent) {
            DeleteEvent delete = (DeleteEvent) action;
            limited(() -> {
                store.delete(calendar, delete.current().identity(), delete.current().version());
                return null;
            });
            written.written(calendar, delete.current().identity(), Optional.empty());
            kind = OutcomeKind.DELETED;
        } else {
            throw new AssertionError(action);
        }
        return new ActionOutcome(target, calendar.value(), planned.uid(), planned.summary(), dateOf(action),
                planned.kind(), kind, note);
    }

    /**
     * One write to the store, within the limit of writes at once when several may run: it waits for its turn, and
     * its success (or the store being unreachable) teaches the limit.
     */
    private <T> T limited(Supplier<T> write) {
        if (limit == null) {
            return write.get();
        }
        int concurrency = limit.acquire();
        T result;
        try {
            result = write.get();
        } catch (CalendarStoreException e) {
            if (e.reason() == CalendarStoreException.Reason.UNREACHABLE) {
                limit.overloaded();
            } else {
                limit.ended();
            }
            throw e;
        } catch (RuntimeException | Error e) {
            limit.ended();
            throw e;
        }
        limit.succeeded(concurrency);
        return result;
    }

    private ActionOutcome failed(CalendarId calendar, SyncAction action, RuntimeException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ActionOutcome(target, calendar.value(), action.uid(), action.summary(), dateOf(action),
                action.kind(), OutcomeKind.FAILED, Optional.of(reason));
    }

    /** The event's day: the one a create or update writes, the one a delete removes. */
    private static Optional<LocalDate> dateOf(SyncAction action) {
        if (action instanceof CreateEvent) {
            return Optional.of(((CreateEvent) action).event().start());
        } else if (action instanceof UpdateEvent) {
            return Optional.of(((UpdateEvent) action).desired().start());
        } else if (action instanceof DeleteEvent) {
            return Optional.of(((DeleteEvent) action).current().event().start());
        }
        throw new AssertionError(action);
    }

    private static EventIdentity identityOf(SyncAction action) {
        if (action instanceof CreateEvent) {
            return ((CreateEvent) action).event().identity();
        } else if (action instanceof UpdateEvent) {
            return ((UpdateEvent) action).current().identity();
        } else if (action instanceof DeleteEvent) {
            return ((DeleteEvent) action).current().identity();
        }
        throw new AssertionError(action);
    }

    private static Optional<CalendarEvent> desiredOf(SyncAction action) {
        if (action instanceof CreateEvent) {
            return Optional.of(((CreateEvent) action).event());
        } else if (action instanceof UpdateEvent) {
            return Optional.of(((UpdateEvent) action).desired());
        } else if (action instanceof DeleteEvent) {
            return Optional.empty();
        }
        throw new AssertionError(action);
    }

    private static Optional<String> describe(SyncAction action) {
        if (action instanceof DeleteEvent) {
            return Optional.of(((DeleteEvent) action).reason().name().toLowerCase(java.util.Locale.ROOT));
        }
        return Optional.empty();
    }
}
