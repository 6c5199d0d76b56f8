package io.calplanebot.core.sync;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The events this process wrote from webhook changes whose data it obtained after the current full sync began, by
 * UID, with the {@code updated_at} of the data written. A full sync lists the source first and writes later: a
 * webhook applied in between may have written newer data, and the full sync must not put its older listing back (nor
 * delete an event a webhook just created for an issue its listing predates).
 *
 * <p>What counts is when a change's data was obtained, not when its write was noted: a change whose data was known
 * before the full sync began is in that sync's listing or older than it, even if the change finishes (and notes its
 * write) while the sync runs. Each change therefore takes a {@link #stamp()} as soon as its data is fixed, and a full
 * sync ignores writes stamped before it began. Writes are noted under the event's lock, so a full sync that checks
 * under the same lock sees every write that reached the calendar before it.
 */
final class WebhookWrites {
    private final AtomicLong clock = new AtomicLong();
    private final Map<String, Written> byUid = new ConcurrentHashMap<>();
    private volatile long syncBegan;

    /** Marks the moment a change's data is fixed (read from the source, or taken from a signed body). */
    long stamp() {
        return clock.incrementAndGet();
    }

    /** A webhook change wrote (or removed) the event of {@code uid} from data as of {@code updatedAt}. */
    void wrote(String uid, Instant updatedAt, long stamp) {
        byUid.merge(uid, new Written(updatedAt, stamp), Written::newer);
    }

    /** The newest data a webhook wrote for the event from data obtained since the current full sync began. */
    Optional<Instant> newest(String uid) {
        Written written = byUid.get(uid);
        return written == null || written.stamp < syncBegan ? Optional.empty() : Optional.of(written.updatedAt);
    }

    /** A full sync is about to list the source: what webhooks obtained before is in its listing or older. */
    void fullSyncStarts() {
        long began = stamp();
        syncBegan = began;
        byUid.values().removeIf(written -> written.stamp < began);
    }

    private record Written(Instant updatedAt, long stamp) {
        Written newer(Written other) {
            return new Written(updatedAt.isAfter(other.updatedAt) ? updatedAt : other.updatedAt,
                    Math.max(stamp, other.stamp));
        }
    }
}
