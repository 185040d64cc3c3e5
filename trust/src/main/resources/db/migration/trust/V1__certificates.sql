-- Certificates issued by the built-in certificate authority, and their revocation.
CREATE TABLE issued_certificate (
    serial          NUMERIC(50)   PRIMARY KEY,
    subject         VARCHAR(1000) NOT NULL,
    profile         VARCHAR(32)   NOT NULL,
    not_before      TIMESTAMP WITH TIME ZONE NOT NULL,
    not_after       TIMESTAMP WITH TIME ZONE NOT NULL,
    der             BYTEA         NOT NULL,
    issued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    revocation_reason INTEGER
);
