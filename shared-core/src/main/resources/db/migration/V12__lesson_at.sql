-- When an observed failure's lesson reached the ledger, by which the learners read it: its request's
-- created_at when the row was written at once, the time of writing when it came late (from the outbox
-- after an outage, or a stream longer than the learners' late window). Ordered by this, a late lesson is
-- read by running learners and by every checkpoint saved after it, rather than falling behind them.
-- NULL for a row that teaches nothing. Portable SQL: runs on H2 (MODE=PostgreSQL) locally and on PostgreSQL.
ALTER TABLE request_log ADD COLUMN lesson_at TIMESTAMP WITH TIME ZONE;
UPDATE request_log SET lesson_at = created_at WHERE learner_outcome IS NOT NULL;
-- A version from before this one (still serving while a deploy publishes this one, or again after a
-- rollback) leaves the column out: its rows are dated as they are written, so their lessons are read too.
-- Set after the update, so that no existing row takes it.
ALTER TABLE request_log ALTER COLUMN lesson_at SET DEFAULT CURRENT_TIMESTAMP;
CREATE INDEX request_log_lesson_at ON request_log (lesson_at);
-- V3's request_log_learner_lessons stays: an older version reads its lessons by it.
