package io.calplanebot.core.state;

import io.calplanebot.core.domain.state.InboxDelivery;
import io.calplanebot.core.domain.state.LeaseGrant;
import io.calplanebot.core.domain.webhook.RawWebhook;
import io.calplanebot.core.port.out.AppliedChanges;
import io.calplanebot.core.port.out.StateStore;
import io.calplanebot.core.port.in.RecordedRun;
import io.calplanebot.core.port.out.SyncLease;
import io.calplanebot.core.port.out.SyncRunLog;
import io.calplanebot.core.port.out.WebhookInbox;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * State kept in memory only: for embedding and for the CLI's one-shot commands, where nothing must outlive the
 * process. Same semantics as the database stores, so the state-store contract test runs on it too.
 */
public final class InMemoryStateStore implements StateStore, WebhookInbox, AppliedChanges, SyncLease, SyncRunLog {
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Map<String, String> idByFingerprint = new HashMap<>();
    private final Map<String, Instant> applied = new HashMap<>();
    private LeaseGrant lease;
    private long fencing;
    private Instant lastFinished;
    private RecordedRun lastRun;
    private long nextId;
    private final boolean shared;

    /** A store for one process. */
    public InMemoryStateStore() {
        this(false);
    }

    private InMemoryStateStore(boolean shared) {
        this.shared = shared;
    }

    /** A store several engines in one process share as if they were replicas on one database. */
    public static InMemoryStateStore sharedByReplicas() {
        return new InMemoryStateStore(true);
    }

    @Override
    public WebhookInbox inbox() {
        return this;
    }

    @Override
    public AppliedChanges appliedChanges() {
        return this;
    }

    @Override
    public SyncLease syncLease() {
        return this;
    }

    @Override
    public SyncRunLog syncRuns() {
        return this;
    }

    @Override
    public synchronized void record(RecordedRun run) {
        if (lastRun == null || !run.finishedAt().isBefore(lastRun.finishedAt())) {
            lastRun = run;
        }
    }

    @Override
    public synchronized Optional<RecordedRun> last() {
        return Optional.ofNullable(lastRun);
    }

    @Override
    public boolean shared() {
        return shared;
    }

    @Override
    public void close() {
    }

    @Override
    public synchronized Optional<String> store(RawWebhook webhook, String subject, Optional<Instant> updatedAt,
                                               Instant receivedAt) {
        String fingerprint = fingerprint(webhook.body());
        if (idByFingerprint.containsKey(fingerprint)) {
            return Optional.empty();
        }
        String id = String.format("%019d", ++nextId);
        idByFingerprint.put(fingerprint, id);
        rows.put(id, new Row(new InboxDelivery(id, subject, updatedAt, receivedAt, webhook), fingerprint));
        return Optional.of(id);
    }

    @Override
    public synchronized Set<String> claim(Set<String> ids, String owner, Instant now, Instant until) {
        Set<String> claimed = new HashSet<>();
        for (String id : ids) {
            Row row = rows.get(id);
            if (row != null && row.doneAt == null && (row.owner == null || row.owner.equals(owner)
                    || row.claimedUntil.isBefore(now))) {
                row.owner = owner;
                row.claimedUntil = until;
                claimed.add(id);
            }
        }
        return claimed;
    }

    @Override
    public synchronized void done(Set<String> ids, Instant now) {
        for (String id : ids) {
            Row row = rows.get(id);
            if (row != null && row.doneAt == null) {
                row.doneAt = now;
            }
        }
    }

    @Override
    public synchronized void release(Set<String> ids, String owner) {
        for (String id : ids) {
            Row row = rows.get(id);
            if (row != null && owner.equals(row.owner)) {
                row.owner = null;
                row.claimedUntil = null;
            }
        }
    }

    @Override
    public synchronized List<InboxDelivery> takeOver(String owner, Instant now, Instant unclaimedBefore,
                                                     Instant until, int limit) {
        List<InboxDelivery> taken = new ArrayList<>();
        for (Row row : rows.values()) {
            if (taken.size() >= limit) {
                break;
            }
            boolean orphan = row.owner == null && row.delivery.receivedAt().isBefore(unclaimedBefore);
            boolean expired = row.owner != null && row.claimedUntil.isBefore(now);
            if (row.doneAt == null && (orphan || expired)) {
                row.owner = owner;
                row.claimedUntil = until;
                taken.add(row.delivery);
            }
        }
        return taken;
    }

    @Override
    public synchronized int open() {
        return (int) rows.values().stream().filter(row -> row.doneAt == null).count();
    }

    @Override
    public synchronized void prune(Instant before) {
        rows.values().removeIf(row -> {
            boolean old = row.doneAt != null && row.doneAt.isBefore(before);
            if (old) {
                idByFingerprint.remove(row.fingerprint);
            }
            return old;
        });
    }

    @Override
    public synchronized Optional<Instant> lastApplied(String subject) {
        return Optional.ofNullable(applied.get(subject));
    }

    @Override
    public synchronized void recordApplied(String subject, Instant updatedAt) {
        applied.merge(subject, updatedAt, (a, b) -> a.isAfter(b) ? a : b);
    }

    @Override
    public synchronized Optional<LeaseGrant> tryAcquire(String holder, Instant now, Duration period) {
        if (lease != null && !lease.holder().equals(holder) && lease.expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        lease = new LeaseGrant(holder, ++fencing, now.plus(period));
        return Optional.of(lease);
    }

    @Override
    public synchronized Optional<LeaseGrant> renew(LeaseGrant grant, Instant now, Duration period) {
        if (lease == null || lease.fencingToken() != grant.fencingToken()) {
            return Optional.empty();
        }
        lease = new LeaseGrant(grant.holder(), grant.fencingToken(), now.plus(period));
        return Optional.of(lease);
    }

    @Override
    public synchronized void release(LeaseGrant grant, Instant finishedAt) {
        if (lease != null && lease.fencingToken() == grant.fencingToken()) {
            lease = null;
        }
        if (lastFinished == null || finishedAt.isAfter(lastFinished)) {
            lastFinished = finishedAt;
        }
    }

    @Override
    public synchronized Optional<LeaseGrant> abandoned(Instant now) {
        return lease != null && !lease.expiresAt().isAfter(now) ? Optional.of(lease) : Optional.empty();
    }

    @Override
    public synchronized Optional<LeaseGrant> current(Instant now) {
        return lease != null && lease.expiresAt().isAfter(now) ? Optional.of(lease) : Optional.empty();
    }

    @Override
    public synchronized Optional<Instant> lastFinished() {
        return Optional.ofNullable(lastFinished);
    }

    /** The SHA-256 of a body, by which a repeated delivery is recognised. */
    public static String fingerprint(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }


    private static final class Row {
        final InboxDelivery delivery;
        final String fingerprint;
        String owner;
        Instant claimedUntil;
        Instant doneAt;

        Row(InboxDelivery delivery, String fingerprint) {
            this.delivery = delivery;
            this.fingerprint = fingerprint;
        }
    }
}
