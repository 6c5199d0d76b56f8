-- The service's durable state. One script for SQLite (embedded) and PostgreSQL (replicas): portable types only,
-- times as epoch milliseconds (updated_at as microseconds, Plane's precision).

-- Webhook deliveries from the moment they are answered until they are applied (then kept a day to spot repeats).
CREATE TABLE webhook_inbox (
    id               VARCHAR(40)  NOT NULL PRIMARY KEY,
    fingerprint      VARCHAR(64)  NOT NULL,
    subject          VARCHAR(300) NOT NULL,
    updated_at_us    BIGINT,
    received_at_ms   BIGINT       NOT NULL,
    headers          TEXT         NOT NULL,
    body             TEXT         NOT NULL,
    claimed_by       VARCHAR(200),
    claimed_until_ms BIGINT,
    done_at_ms       BIGINT
);
CREATE UNIQUE INDEX webhook_inbox_fingerprint ON webhook_inbox (fingerprint);
CREATE INDEX webhook_inbox_open ON webhook_inbox (done_at_ms, received_at_ms);

-- The newest updated_at applied per subject: the stale rule's memory.
CREATE TABLE applied_change (
    subject       VARCHAR(300) NOT NULL PRIMARY KEY,
    updated_at_us BIGINT       NOT NULL
);

-- The full-sync lease: one row, held by one sync at a time, with a fencing token that grows with every holder.
CREATE TABLE sync_lease (
    name             VARCHAR(50)  NOT NULL PRIMARY KEY,
    holder           VARCHAR(200),
    fencing_token    BIGINT       NOT NULL,
    expires_at_ms    BIGINT       NOT NULL,
    last_finished_ms BIGINT
);
INSERT INTO sync_lease (name, holder, fencing_token, expires_at_ms) VALUES ('full-sync', NULL, 0, 0);
