package dev.switchboard.ledger;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Objects;

/**
 * A feedback row that taught the difficulty learner, joined with what its request kept for the learner:
 * the instances read these to learn from feedback any of them received, in (createdAt, feedbackId) order.
 *
 * @param requestId        the request the lesson is about: one request teaches once
 * @param learnerOutcome   {@link FeedbackEntry#WEAK_FAILED} or {@link FeedbackEntry#WEAK_SUCCEEDED}
 * @param learnerFeatures  the request row's learner features, as LearnerFeatureText wrote them
 */
@Introspected
public record LearnerLesson(String feedbackId, String requestId, Instant createdAt, String learnerOutcome,
                            @Nullable String learnerFeatures) {

    public LearnerLesson {
        Objects.requireNonNull(feedbackId, "feedbackId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(learnerOutcome, "learnerOutcome");
    }

    public boolean weakModelFailed() {
        return FeedbackEntry.WEAK_FAILED.equals(learnerOutcome);
    }
}
