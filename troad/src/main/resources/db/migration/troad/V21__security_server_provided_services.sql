-- Services a security server provides: backend URL and optional OpenAPI document (for getOpenAPI).
-- Local configuration of one security server; never read by the central server (nor the reverse).
CREATE TABLE ss_provided_service (
    service_id  VARCHAR(1400) NOT NULL PRIMARY KEY,
    provider_id VARCHAR(1100) NOT NULL,
    backend     VARCHAR(2000) NOT NULL,
    openapi     TEXT,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ss_provided_service_provider ON ss_provided_service (provider_id);
