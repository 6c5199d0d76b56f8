-- Finished full syncs (the newest 100), so that the status survives a restart and is the same on every replica.
-- Lists are text: counts as six numbers, errors and targets one per line with base64 fields.
CREATE TABLE sync_run (
    sync_id        VARCHAR(64) NOT NULL PRIMARY KEY,
    started_at_ms  BIGINT      NOT NULL,
    duration_ms    BIGINT      NOT NULL,
    finished_at_ms BIGINT      NOT NULL,
    result         VARCHAR(20) NOT NULL,
    counts         VARCHAR(200) NOT NULL,
    errors         TEXT        NOT NULL,
    targets        TEXT        NOT NULL
);
CREATE INDEX sync_run_finished ON sync_run (finished_at_ms);
