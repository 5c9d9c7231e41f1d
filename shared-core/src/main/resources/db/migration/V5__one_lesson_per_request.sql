-- A request teaches the learner once: two feedbacks on it taken at the same moment by two instances
-- both found no lesson yet and both recorded one. lesson_of holds the request's id on the one feedback
-- row that carries its lesson, and is null on every other row; a unique index on it then admits one
-- lesson per request and any number of rows without one (both databases let nulls repeat), which is a
-- partial unique index in the one form H2 and PostgreSQL share. Rows written before it keep null.
-- Portable SQL: runs on H2 (MODE=PostgreSQL) locally and on PostgreSQL.
ALTER TABLE feedback ADD COLUMN lesson_of VARCHAR(36);
CREATE UNIQUE INDEX feedback_lesson_of ON feedback (lesson_of);
