-- The difficulty learner's state after every lesson up to a point of the lessons' order (created_at, then
-- lesson id): a new instance starts from the newest checkpoint and reads only the lessons after it, not
-- every lesson since the ledger began. The state is the learner's own bytes, in base64; origin is a
-- digest of the state the learner started from (its configured state), so a checkpoint grown from another
-- start is not taken.
-- Portable SQL: runs on H2 (MODE=PostgreSQL) locally and on PostgreSQL.
CREATE TABLE learner_checkpoint (
    id         VARCHAR(36)              NOT NULL PRIMARY KEY,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    after_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    after_id   VARCHAR(80)              NOT NULL,
    lessons    BIGINT                   NOT NULL,
    origin     VARCHAR(64)              NOT NULL,
    state      VARCHAR(1000000)         NOT NULL
);

CREATE INDEX learner_checkpoint_origin_after ON learner_checkpoint (origin, after_at, after_id);
CREATE INDEX learner_checkpoint_after ON learner_checkpoint (after_at);
