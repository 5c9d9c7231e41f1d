-- Feedback on routed requests, and what a request row must keep for feedback to teach the learner.
-- Portable SQL: runs on H2 (MODE=PostgreSQL) locally and on PostgreSQL.

-- The tier of the deployment that answered (null when none did or it is not known), the decision's
-- first choice ("provider/model"), and the difficulty learner's features of the prompt: numbers about
-- its shape (lengths, counts), never its words, so no prompt text is kept.
ALTER TABLE request_log ADD COLUMN tier VARCHAR(16);
ALTER TABLE request_log ADD COLUMN first_choice VARCHAR(200);
ALTER TABLE request_log ADD COLUMN learner_features VARCHAR(1024);

-- One row per feedback submission; a request may be rated more than once.
CREATE TABLE feedback (
    id              VARCHAR(36)              NOT NULL PRIMARY KEY,
    request_id      VARCHAR(36)              NOT NULL REFERENCES request_log (id),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    principal       VARCHAR(128)             NOT NULL,
    rating          INTEGER,
    quality_score   DOUBLE PRECISION,
    comment         VARCHAR(1000),
    learner_outcome VARCHAR(32)
);

CREATE INDEX feedback_created_at ON feedback (created_at);
CREATE INDEX feedback_request_id ON feedback (request_id);
