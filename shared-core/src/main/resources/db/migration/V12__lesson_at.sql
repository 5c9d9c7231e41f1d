-- When an observed failure's lesson reached the ledger, by which the learners read it: its request's
-- created_at when the row was written at once, the time of writing when it came late (from the outbox
-- after an outage, or a stream longer than the learners' late window). Ordered by this, a late lesson is
-- read by running learners and by every checkpoint saved after it, rather than falling behind them.
-- NULL for a row that teaches nothing. Portable SQL: runs on H2 (MODE=PostgreSQL) locally and on PostgreSQL.
ALTER TABLE request_log ADD COLUMN lesson_at TIMESTAMP WITH TIME ZONE;
UPDATE request_log SET lesson_at = created_at WHERE learner_outcome IS NOT NULL;
CREATE INDEX request_log_lesson_at ON request_log (lesson_at);
-- The lessons are read by lesson_at now; the index V3 made for reading them by created_at has no reader left.
DROP INDEX request_log_learner_lessons;
