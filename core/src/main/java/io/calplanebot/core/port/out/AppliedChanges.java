package io.calplanebot.core.port.out;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The newest {@code updated_at} applied per subject, by a webhook or a full sync: what the stale rule compares
 * deliveries with. Shared by every replica and kept across restarts. Failures are {@link StateStoreException}s.
 */
public interface AppliedChanges {

    /** The newest {@code updated_at} applied for the subject, if any. */
    Optional<Instant> lastApplied(String subject);

    /** Notes that data as of {@code updatedAt} was applied; an older value never replaces a newer one. */
    void recordApplied(String subject, Instant updatedAt);

    /**
     * Notes many subjects at once (what a full sync applied), each as {@link #recordApplied}; a store may write them
     * in one transaction. The default records them one by one.
     */
    default void recordAllApplied(Map<String, Instant> updatedAtBySubject) {
        updatedAtBySubject.forEach(this::recordApplied);
    }
}
