-- Access rights of a security server's provider side: deny by default, one row per grant.
-- method '*' means every method, path_prefix '' every path (NOT NULL so that the primary key works).
CREATE TABLE ss_access_right (
    client_id   VARCHAR(1100) NOT NULL,
    service_id  VARCHAR(1400) NOT NULL,
    method      VARCHAR(16)   NOT NULL,
    path_prefix VARCHAR(1000) NOT NULL,
    granted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (client_id, service_id, method, path_prefix)
);
CREATE INDEX ss_access_right_service ON ss_access_right (service_id);
