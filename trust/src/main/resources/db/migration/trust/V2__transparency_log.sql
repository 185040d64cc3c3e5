-- Append-only transparency logs (RFC 9162). Rows are only ever inserted, never updated or deleted,
-- except the state row of each log, which the single writer of the log updates under FOR UPDATE.
-- No trigger enforces this (it would not be portable); TransparencyLogs checks the state against
-- the stored subtrees instead.
CREATE TABLE log_state (
    name        VARCHAR(41) PRIMARY KEY,
    tree_size   BIGINT      NOT NULL,
    frontier    BYTEA       NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- No foreign keys to log_state: each would cost an index lookup per appended row, and the writer
-- only inserts rows for a log whose state row it holds locked.
CREATE TABLE log_leaf (
    log_name    VARCHAR(41) NOT NULL,
    idx         BIGINT      NOT NULL,
    leaf_hash   BYTEA       NOT NULL,
    data        BYTEA       NOT NULL,
    appended_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (log_name, idx)
);

-- Perfect subtrees of level 1 and up; level 0 is log_leaf.leaf_hash.
CREATE TABLE log_node (
    log_name    VARCHAR(41) NOT NULL,
    level       SMALLINT    NOT NULL,
    idx         BIGINT      NOT NULL,
    hash        BYTEA       NOT NULL,
    PRIMARY KEY (log_name, level, idx)
);
