-- Message log index: which leaves of a security server's message log (a transparency log in the
-- trust schema) hold the records of an X-Road-Id. The records themselves live only in the log.
CREATE TABLE ss_message_record (
    log_name    VARCHAR(41)   NOT NULL,
    leaf_index  BIGINT        NOT NULL,
    x_road_id   VARCHAR(255)  NOT NULL,
    request_id  VARCHAR(255)  NOT NULL,
    side        VARCHAR(8)    NOT NULL,
    logged_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (log_name, leaf_index)
);
CREATE INDEX ss_message_record_x_road_id ON ss_message_record (log_name, x_road_id);
CREATE INDEX ss_message_record_logged_at ON ss_message_record (log_name, logged_at);

-- Archive files written so far, per log: each file covers leaves [first_leaf, end_leaf) and names
-- the SHA-256 of the previous file, so the files form a hash chain.
CREATE TABLE ss_message_archive (
    log_name    VARCHAR(41)   NOT NULL,
    first_leaf  BIGINT        NOT NULL,
    end_leaf    BIGINT        NOT NULL,
    file_name   VARCHAR(255)  NOT NULL,
    sha256      VARCHAR(64)   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (log_name, first_leaf)
);
