-- Why each failed request failed, in the daily rollup (request_log has had it from the start), so that /stats
-- can count failures by type over rolled days too. A day's marker says which sums its rolled rows hold
-- (rollup_version; 1: with error_type): a day rolled before this column, or rolled again by an instance of an
-- older version still running during a deploy (whose markers get the default, 0), is read from request_log,
-- which holds the types, until a read rolls it again. A day before a ledger retention's first day is never
-- read again, so its request rows being gone does not matter.
-- Portable SQL: runs on H2 (MODE=PostgreSQL) locally and on PostgreSQL.
ALTER TABLE request_day ADD COLUMN error_type VARCHAR(64);
ALTER TABLE request_day_rollup ADD COLUMN rollup_version SMALLINT DEFAULT 0 NOT NULL;
