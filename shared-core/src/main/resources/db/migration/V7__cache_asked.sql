-- Whether the response cache was looked up for an answered request: false for a stream (the cache never
-- serves one) or while the cache is switched off, which are neither hits nor misses of the cache; null
-- where it is not recorded (a request that failed, a row from before this column), counted as before.
-- Portable SQL: runs on H2 (MODE=PostgreSQL) locally and on PostgreSQL.
ALTER TABLE request_log ADD COLUMN cache_asked BOOLEAN;
ALTER TABLE request_day ADD COLUMN cache_asked BOOLEAN;
