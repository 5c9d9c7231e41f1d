-- Observed failures: a request whose economy answer was unusable on its own terms (empty, or a tool
-- call whose arguments are not a JSON object) teaches the difficulty learner from its own row, with
-- no feedback. Portable SQL: runs on H2 (MODE=PostgreSQL) locally and on PostgreSQL.

-- The lesson the request taught when it was answered ('weak_model_failed'), null when it taught none,
-- and why in a few words (never the prompt's or the answer's text).
ALTER TABLE request_log ADD COLUMN learner_outcome VARCHAR(32);
ALTER TABLE request_log ADD COLUMN learner_note VARCHAR(200);

-- The learners read the lessons since a point in time: this keeps that read to the rows that teach,
-- not every request since then.
CREATE INDEX request_log_learner_lessons ON request_log (learner_outcome, created_at);
