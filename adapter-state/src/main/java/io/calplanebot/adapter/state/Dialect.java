package io.calplanebot.adapter.state;

/** What differs between the databases the state store runs on; the SQL is otherwise the same. */
enum Dialect {
    /** The embedded default: one file, one process (the data directory's lock keeps others out). */
    SQLITE(""),
    /** Several replicas: a claim skips rows another replica is claiming at that moment. */
    POSTGRESQL(" FOR UPDATE SKIP LOCKED");

    private final String lockForClaim;

    Dialect(String lockForClaim) {
        this.lockForClaim = lockForClaim;
    }

    /** What follows a {@code SELECT} of rows about to be claimed. */
    String lockForClaim() {
        return lockForClaim;
    }
}
