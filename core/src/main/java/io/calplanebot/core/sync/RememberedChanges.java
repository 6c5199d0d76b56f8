package io.calplanebot.core.sync;

import io.calplanebot.core.port.out.AppliedChanges;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What was applied, remembered in memory in front of a store no other process writes to (the embedded database):
 * every delivery is judged against it, and reading the database for each one made the webhook intake wait on it.
 * A subject is read from the store once, then kept (the most recently used {@value #SUBJECTS}); every record goes to
 * the store first, then here (a subject not remembered is read again later, so a newer time kept in the store by an
 * earlier process is never hidden). Never used for a shared store, where other replicas record too.
 */
final class RememberedChanges implements AppliedChanges {
    static final int SUBJECTS = 100_000;

    private final AppliedChanges store;
    private final Map<String, Optional<Instant>> known = new RecentEntries<>(SUBJECTS);

    RememberedChanges(AppliedChanges store) {
        this.store = store;
    }

    @Override
    public Optional<Instant> lastApplied(String subject) {
        synchronized (known) {
            Optional<Instant> remembered = known.get(subject);
            if (remembered == null) {
                // read under the lock: a record of this subject cannot slip between the read and the remembering
                remembered = store.lastApplied(subject);
                known.put(subject, remembered);
            }
            return remembered;
        }
    }

    @Override
    public void recordApplied(String subject, Instant updatedAt) {
        store.recordApplied(subject, updatedAt);
        remember(subject, updatedAt);
    }

    @Override
    public void recordAllApplied(Map<String, Instant> updatedAtBySubject) {
        store.recordAllApplied(updatedAtBySubject);
        updatedAtBySubject.forEach(this::remember);
    }

    /** Keeps the newer time for a subject already remembered; one not remembered is read from the store later. */
    private void remember(String subject, Instant updatedAt) {
        synchronized (known) {
            known.computeIfPresent(subject, (s, old) -> newer(old, Optional.of(updatedAt)));
        }
    }

    private static Optional<Instant> newer(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return a.get().isAfter(b.get()) ? a : b;
    }
}
