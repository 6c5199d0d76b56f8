-- Feed definitions: the SHA-256 of each feed's token (never the token), its filter and when it was made and last
-- fetched. Sets are text: one base64 value per line (projects, assignees, labels) or wire names separated by spaces.
CREATE TABLE feed (
    name           VARCHAR(100) NOT NULL PRIMARY KEY,
    token_sha256   VARCHAR(64)  NOT NULL,
    created_ms     BIGINT       NOT NULL,
    last_access_ms BIGINT,
    projects       TEXT         NOT NULL,
    assignees      TEXT         NOT NULL,
    labels         TEXT         NOT NULL,
    state_groups   VARCHAR(200) NOT NULL,
    priorities     VARCHAR(200) NOT NULL,
    completed      VARCHAR(20)  NOT NULL
);
