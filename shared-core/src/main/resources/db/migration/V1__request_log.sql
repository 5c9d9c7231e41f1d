-- One row per routed request. Portable SQL: runs on H2 (MODE=PostgreSQL) locally and on PostgreSQL.
CREATE TABLE request_log (
    id            VARCHAR(36)              NOT NULL PRIMARY KEY,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    principal     VARCHAR(128)             NOT NULL,
    endpoint      VARCHAR(32)              NOT NULL,
    strategy      VARCHAR(32)              NOT NULL,
    confidence    VARCHAR(16)              NOT NULL,
    pattern       VARCHAR(16)              NOT NULL,
    complexity    DOUBLE PRECISION         NOT NULL,
    provider      VARCHAR(64),
    model         VARCHAR(128),
    tokens_in     INTEGER                  NOT NULL,
    tokens_out    INTEGER                  NOT NULL,
    cost          NUMERIC(20, 10)          NOT NULL,
    baseline_cost NUMERIC(20, 10)          NOT NULL,
    priced        BOOLEAN                  NOT NULL,
    latency_ms    BIGINT                   NOT NULL,
    cache_hit     BOOLEAN                  NOT NULL,
    fallback_used BOOLEAN                  NOT NULL,
    attempts      INTEGER                  NOT NULL,
    status        VARCHAR(16)              NOT NULL,
    error_type    VARCHAR(64)
);

CREATE INDEX request_log_created_at ON request_log (created_at);
