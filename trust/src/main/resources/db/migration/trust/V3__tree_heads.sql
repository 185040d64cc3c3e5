-- Signed tree heads of the transparency logs: one per published size, never updated except to
-- add the RFC 3161 time-stamp token once the TSA answered.
CREATE TABLE log_tree_head (
    log_name        VARCHAR(41)   NOT NULL,
    tree_size       BIGINT        NOT NULL,
    root_hash       BYTEA         NOT NULL,
    signed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    jws             VARCHAR(20000) NOT NULL,
    timestamp_token BYTEA,
    PRIMARY KEY (log_name, tree_size)
);
