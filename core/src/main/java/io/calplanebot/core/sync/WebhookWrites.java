package io.calplanebot.core.sync;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The events this process wrote from webhook changes since the current full sync began, by UID, with the
 * {@code updated_at} of the data written. A full sync lists the source first and writes later: a webhook applied in
 * between may have written newer data, and the full sync must not put its older listing back (nor delete an event a
 * webhook just created for an issue its listing predates). Recorded under the event's lock, so a full sync that
 * checks under the same lock sees every write that reached the calendar before it.
 */
final class WebhookWrites {
    private final Map<String, Instant> byUid = new ConcurrentHashMap<>();

    /** A webhook change wrote (or removed) the event of {@code uid} from data as of {@code updatedAt}. */
    void wrote(String uid, Instant updatedAt) {
        byUid.merge(uid, updatedAt, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** The newest data a webhook wrote for the event since the current full sync began. */
    Optional<Instant> newest(String uid) {
        return Optional.ofNullable(byUid.get(uid));
    }

    /** A full sync is about to list the source: what webhooks wrote before is in its listing. */
    void fullSyncStarts() {
        byUid.clear();
    }
}
