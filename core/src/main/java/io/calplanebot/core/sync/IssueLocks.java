package io.calplanebot.core.sync;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serializes writes to the same event: a full sync and a webhook never write one UID at the same time.
 * Striped, so memory stays fixed whatever the number of issues.
 */
public final class IssueLocks {
    private final ReentrantLock[] stripes;

    public IssueLocks() {
        this(64);
    }

    public IssueLocks(int stripes) {
        if (stripes < 1) {
            throw new IllegalArgumentException("stripes must be positive");
        }
        this.stripes = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            this.stripes[i] = new ReentrantLock();
        }
    }

    public <T> T withLock(String uid, Supplier<T> work) {
        ReentrantLock lock = stripes[Math.floorMod(uid.hashCode(), stripes.length)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
