package io.calplanebot.core.port.out;

import io.calplanebot.core.domain.state.InboxDelivery;
import io.calplanebot.core.domain.webhook.RawWebhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Webhook deliveries taken and not yet applied. A delivery is answered only after {@link #store} returned, so one
 * that was answered survives any crash; whoever applies it first {@link #claim}s it, and a claim whose holder died
 * runs out and is {@link #takeOver taken over}. Shared by every replica on one database. Failures are
 * {@link StateStoreException}s.
 */
public interface WebhookInbox {

    /**
     * Keeps a delivery durably.
     *
     * @return the delivery's id, or empty when a delivery with the same body was stored before (a repeat)
     */
    Optional<String> store(RawWebhook webhook, String subject, Optional<Instant> updatedAt, Instant receivedAt);

    /**
     * Keeps a delivery that needs no work (older than what was applied) as done, durably, in one step: it is kept only
     * to recognise its repeats.
     *
     * @return the delivery's id, or empty when a delivery with the same body was stored before (a repeat)
     */
    default Optional<String> storeDone(RawWebhook webhook, String subject, Optional<Instant> updatedAt,
                                       Instant receivedAt) {
        Optional<String> id = store(webhook, subject, updatedAt, receivedAt);
        id.ifPresent(kept -> done(Set.of(kept), receivedAt));
        return id;
    }

    /**
     * Claims the open deliveries among {@code ids} that nobody else holds (a claim that ran out is nobody's).
     *
     * @return the ids now held by {@code owner} until {@code until}
     */
    Set<String> claim(Set<String> ids, String owner, Instant now, Instant until);

    /** Marks deliveries applied (or given up): nobody takes them over any more. */
    void done(Set<String> ids, Instant now);

    /** Gives up a claim, so that another process may take the deliveries over at once (at shutdown). */
    void release(Set<String> ids, String owner);

    /**
     * Claims, for {@code owner} until {@code until}, open deliveries whose claim ran out or that nobody claimed since
     * before {@code unclaimedBefore}: the work of a process that died. Oldest first, at most {@code limit}.
     */
    List<InboxDelivery> takeOver(String owner, Instant now, Instant unclaimedBefore, Instant until, int limit);

    /** Open deliveries: taken and neither applied nor given up. */
    int open();

    /** Forgets deliveries that were done before {@code before} (they are kept a while to recognise repeats). */
    void prune(Instant before);
}
