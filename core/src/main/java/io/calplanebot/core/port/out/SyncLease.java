package io.calplanebot.core.port.out;

import io.calplanebot.core.domain.state.LeaseGrant;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One full sync at a time across every replica: the lease is held by one holder until it is released or runs out.
 * Failures are {@link StateStoreException}s.
 */
public interface SyncLease {

    /** Takes the lease for {@code period} when it is free or ran out; empty when someone else holds it. */
    Optional<LeaseGrant> tryAcquire(String holder, Instant now, Duration period);

    /** Extends a held lease; empty when it was lost (it ran out and someone else took it). */
    Optional<LeaseGrant> renew(LeaseGrant grant, Instant now, Duration period);

    /** Gives the lease up and notes when the holder's sync finished. */
    void release(LeaseGrant grant, Instant finishedAt);

    /** A lease that was never released and ran out: its holder died in the middle of a full sync. */
    Optional<LeaseGrant> abandoned(Instant now);

    /** Who holds the lease now, if anyone. */
    Optional<LeaseGrant> current(Instant now);

    /** When the last full sync that held the lease finished, on any replica. */
    Optional<Instant> lastFinished();
}
