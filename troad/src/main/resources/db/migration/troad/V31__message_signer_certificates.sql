-- Certificate chains of message signers (this node's security servers and their peers), by the
-- x5t#S256 thumbprint of the leaf: message signatures name their signer by thumbprint only, and
-- evidence and archives exported from the message logs carry the chains they refer to. A chain
-- is kept before any record signed with it is logged, and never removed while records may refer
-- to it.
CREATE TABLE ss_signer_certificate (
    thumbprint     VARCHAR(43)    NOT NULL PRIMARY KEY,
    chain_pem      VARCHAR(65535) NOT NULL,
    first_seen_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
