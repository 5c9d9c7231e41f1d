-- How much of a request's input the provider read from its prompt cache (cached_tokens_in) and wrote to it
-- (cache_write_tokens_in), both part of tokens_in; 0 where the provider reported none, on a response-cache
-- hit (no provider was called) and on rows from before these columns.
-- An instance of an older version still running during a deploy rolls a day up without these sums (0 for
-- that day), as it did for cache_asked after V7.
-- Portable SQL: runs on H2 (MODE=PostgreSQL) locally and on PostgreSQL.
ALTER TABLE request_log ADD COLUMN cached_tokens_in INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE request_log ADD COLUMN cache_write_tokens_in INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE request_day ADD COLUMN cached_tokens_in BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE request_day ADD COLUMN cache_write_tokens_in BIGINT DEFAULT 0 NOT NULL;
