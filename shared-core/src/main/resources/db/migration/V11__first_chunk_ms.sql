-- For a stream, the milliseconds from the request's arrival to its first chunk sent to the caller (the time to
-- first token as the caller felt it); NULL for a whole answer, a stream that sent nothing, and rows from before it.
-- Not rolled up: the day rows keep counts and sums for the analytics, and this is read from request rows.
-- Portable SQL: runs on H2 (MODE=PostgreSQL) locally and on PostgreSQL.
ALTER TABLE request_log ADD COLUMN first_chunk_ms BIGINT;
