package dev.switchboard.ledger;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Objects;

/**
 * A feedback row that taught the difficulty learner, joined with what its request kept for the learner:
 * the instances read these to learn from feedback any of them received, in (createdAt, feedbackId) order.
 *
 * @param learnerOutcome   {@link FeedbackEntry#WEAK_FAILED} or {@link FeedbackEntry#WEAK_SUCCEEDED}
 * @param learnerFeatures  the request row's learner features, as LearnerFeatureText wrote them
 */
@Introspected
public record LearnerLesson(String feedbackId, Instant createdAt, String learnerOutcome,
                            @Nullable String learnerFeatures) {

    public LearnerLesson {
        Objects.requireNonNull(feedbackId, "feedbackId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(learnerOutcome, "learnerOutcome");
    }

    public boolean weakModelFailed() {
        return FeedbackEntry.WEAK_FAILED.equals(learnerOutcome);
    }
}
