-- Why each failed request failed, in the daily rollup (request_log has had it from the start), so that /stats
-- can count failures by type over rolled days too. Days rolled before this column have it null: every rolled
-- day is marked stale, so that it is read from request_log (which holds the types) until a read rolls it
-- again. A day before a ledger retention's first day is never read again, so its request rows being gone does
-- not matter. An instance of an older version still running during a deploy rolls a day without the column;
-- its failures read as "unrecorded" until the day is rolled again.
-- Portable SQL: runs on H2 (MODE=PostgreSQL) locally and on PostgreSQL.
ALTER TABLE request_day ADD COLUMN error_type VARCHAR(64);
UPDATE request_day_rollup SET stale = TRUE;
