-- The central server's registry: members, subsystems, services with their OpenAPI documents,
-- security servers with their pinned certificates, one-time registration tokens, and every
-- published version of the global configuration (so that all central nodes serve the same one).
CREATE TABLE member (
    id VARCHAR(800) PRIMARY KEY,
    name VARCHAR(300) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE subsystem (
    id VARCHAR(1100) PRIMARY KEY,
    member_id VARCHAR(800) NOT NULL REFERENCES member (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE service (
    id VARCHAR(1400) PRIMARY KEY,
    subsystem_id VARCHAR(1100) NOT NULL REFERENCES subsystem (id),
    title VARCHAR(500) NOT NULL,
    api_version VARCHAR(200) NOT NULL,
    media_type VARCHAR(100) NOT NULL,
    document TEXT NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE registration_token (
    token_sha256 CHAR(64) PRIMARY KEY,
    owner_id VARCHAR(800) NOT NULL REFERENCES member (id),
    code VARCHAR(255) NOT NULL,
    address VARCHAR(2000) NOT NULL,
    clients TEXT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at TIMESTAMP WITH TIME ZONE
);

CREATE TABLE security_server (
    id VARCHAR(1100) PRIMARY KEY,
    owner_id VARCHAR(800) NOT NULL REFERENCES member (id),
    code VARCHAR(255) NOT NULL,
    address VARCHAR(2000) NOT NULL,
    tls_sha256 CHAR(64) NOT NULL,
    tls_serial VARCHAR(64) NOT NULL,
    tls_not_after TIMESTAMP WITH TIME ZONE NOT NULL,
    signing_sha256 CHAR(64) NOT NULL,
    signing_serial VARCHAR(64) NOT NULL,
    signing_not_after TIMESTAMP WITH TIME ZONE NOT NULL,
    registered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    renewed_at TIMESTAMP WITH TIME ZONE
);

CREATE TABLE security_server_client (
    server_id VARCHAR(1100) NOT NULL REFERENCES security_server (id),
    subsystem_id VARCHAR(1100) NOT NULL REFERENCES subsystem (id),
    PRIMARY KEY (server_id, subsystem_id)
);

CREATE TABLE global_configuration (
    version BIGINT PRIMARY KEY,
    content_sha256 CHAR(64) NOT NULL,
    jws TEXT NOT NULL,
    generated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
