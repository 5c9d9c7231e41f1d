-- The analytics' daily rollup: one row per day and combination of the columns the analytics group or
-- filter by, with the sums they read, so that a period of weeks reads a few rows a day instead of every
-- request of the period. Days are UTC (utc_day: DAY is a word H2 reserves). first_choice is kept only where the request fell back, the one
-- place it is read. Portable SQL: runs on H2 (MODE=PostgreSQL) locally and on PostgreSQL.
CREATE TABLE request_day (
    utc_day       DATE            NOT NULL,
    principal     VARCHAR(128)    NOT NULL,
    strategy      VARCHAR(32)     NOT NULL,
    confidence    VARCHAR(16)     NOT NULL,
    provider      VARCHAR(64),
    model         VARCHAR(128),
    tier          VARCHAR(16),
    first_choice  VARCHAR(200),
    status        VARCHAR(16)     NOT NULL,
    cache_hit     BOOLEAN         NOT NULL,
    fallback_used BOOLEAN         NOT NULL,
    priced        BOOLEAN         NOT NULL,
    requests      BIGINT          NOT NULL,
    tokens_in     BIGINT          NOT NULL,
    tokens_out    BIGINT          NOT NULL,
    cost          NUMERIC(30, 10) NOT NULL,
    baseline_cost NUMERIC(30, 10) NOT NULL,
    latency_ms    BIGINT          NOT NULL
);

CREATE INDEX request_day_day ON request_day (utc_day);
CREATE INDEX request_day_principal_day ON request_day (principal, utc_day);

-- Which days are rolled up. A day is rolled once it ended long enough ago that no request of it is still
-- being written; a row written later than that (from the outbox, after a ledger outage) marks its day
-- stale, and a stale day is read from request_log until it is rolled again.
CREATE TABLE request_day_rollup (
    utc_day   DATE                     NOT NULL PRIMARY KEY,
    rolled_at TIMESTAMP WITH TIME ZONE NOT NULL,
    stale     BOOLEAN                  NOT NULL
);
