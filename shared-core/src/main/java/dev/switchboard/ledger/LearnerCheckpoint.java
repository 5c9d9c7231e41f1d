package dev.switchboard.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * The difficulty learner's state after every lesson up to a point of the lessons' order, (created at,
 * lesson id), and none after it: a new instance starts from the newest one and reads only the lessons
 * after it, instead of every lesson the ledger holds.
 *
 * @param afterAt  the created-at of the last lesson in the state ({@link Instant#EPOCH} for none)
 * @param afterId  that lesson's id ("" for none)
 * @param lessons  how many lessons the state holds
 * @param origin   a digest of the state the learner started from before any lesson (its configured
 *                 state), so that a checkpoint grown from another start is not taken
 * @param state    the learner's bytes (its own {@code toBytes})
 */
public record LearnerCheckpoint(String id, Instant createdAt, Instant afterAt, String afterId, long lessons,
                                String origin, byte[] state) {

    public LearnerCheckpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(afterAt, "afterAt");
        Objects.requireNonNull(afterId, "afterId");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(state, "state");
        state = state.clone();
    }

    @Override
    public byte[] state() {
        return state.clone();
    }
}
