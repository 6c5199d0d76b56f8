package io.calplanebot.core.sync;

import java.util.Objects;
import java.util.function.Function;

/**
 * Holds the runtime in use. Work takes a lease on the current runtime for its whole length; a reload publishes the
 * next runtime at once, and the previous one is closed when the last lease on it ends, so no request in flight
 * loses its client.
 */
public final class RuntimeHolder implements AutoCloseable {
    private Slot current;
    private boolean closed;

    public RuntimeHolder(SyncRuntime first) {
        this.current = new Slot(Objects.requireNonNull(first, "runtime"));
    }

    /** A lease on the current runtime; close it when the work is done. */
    public synchronized Lease acquire() {
        if (closed) {
            throw new IllegalStateException("the service is shutting down");
        }
        current.users++;
        return new Lease(current);
    }

    /** Runs {@code work} on the current runtime, which stays open until it returns. */
    public <T> T use(Function<SyncRuntime, T> work) {
        try (Lease lease = acquire()) {
            return work.apply(lease.runtime());
        }
    }

    /** The runtime in use now, without a lease: only for reading its parts' settings, never for work. */
    public synchronized SyncRuntime peek() {
        return current.runtime;
    }

    /** Publishes {@code next}; the runtime it replaces is closed once no work holds it. */
    public void replace(SyncRuntime next) {
        Objects.requireNonNull(next, "runtime");
        Slot retired;
        synchronized (this) {
            retired = current;
            current = new Slot(next);
            retired.retired = true;
            if (retired.users > 0) {
                return;
            }
        }
        retired.runtime.close();
    }

    @Override
    public void close() {
        Slot last;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            last = current;
            last.retired = true;
            if (last.users > 0) {
                return;
            }
        }
        last.runtime.close();
    }

    private void release(Slot slot) {
        boolean closeNow;
        synchronized (this) {
            slot.users--;
            closeNow = slot.retired && slot.users == 0;
        }
        if (closeNow) {
            slot.runtime.close();
        }
    }

    /** One published runtime and how much work holds it. */
    private static final class Slot {
        final SyncRuntime runtime;
        int users;
        boolean retired;

        Slot(SyncRuntime runtime) {
            this.runtime = runtime;
        }
    }

    /** Work's hold on one runtime. */
    public final class Lease implements AutoCloseable {
        private final Slot slot;
        private boolean released;

        private Lease(Slot slot) {
            this.slot = slot;
        }

        public SyncRuntime runtime() {
            return slot.runtime;
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                release(slot);
            }
        }
    }
}
