package io.calplanebot.core.port.out;

/**
 * What must outlive a process, behind one port: the webhook inbox, the stale rule's memory, the full-sync lease and
 * the finished syncs.
 * The service keeps it in an embedded database by default and on PostgreSQL for several replicas.
 */
public interface StateStore extends AutoCloseable {

    WebhookInbox inbox();

    AppliedChanges appliedChanges();

    SyncLease syncLease();

    SyncRunLog syncRuns();

    /** Whether several processes may share this store (then inbox claims and the lease matter between them). */
    boolean shared();

    @Override
    void close();
}
