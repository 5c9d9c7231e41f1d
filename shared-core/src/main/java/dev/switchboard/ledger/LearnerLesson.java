package dev.switchboard.ledger;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A lesson the difficulty learner takes from the ledger, with what its request kept for the learner: a
 * feedback row that taught it, or a request row whose own answer was an observed failure. The instances
 * read these to learn what any of them recorded, in (createdAt, lessonId) order.
 *
 * @param lessonId         the feedback row's id, or {@link #OBSERVED_PREFIX} and the request's id, so that
 *                         the two kinds never share an id
 * @param requestId        the request the lesson is about: one request teaches once
 * @param source           {@link #FEEDBACK} or {@link #OBSERVED}
 * @param learnerOutcome   {@link FeedbackEntry#WEAK_FAILED} or {@link FeedbackEntry#WEAK_SUCCEEDED}
 * @param learnerFeatures  the request row's learner features, as LearnerFeatureText wrote them
 */
@Introspected
public record LearnerLesson(String lessonId, String requestId, String source, Instant createdAt,
                            String learnerOutcome, @Nullable String learnerFeatures) {

    public static final String FEEDBACK = "feedback";
    public static final String OBSERVED = "observed";
    public static final String OBSERVED_PREFIX = "observed-";
    /**
     * How far behind the newest lesson a lesson may be written and still be read by running learners at its own
     * time; the ledger dates one written later by its writing instead (request_log.lesson_at), so that they do.
     */
    public static final Duration LATE_WINDOW = Duration.ofMinutes(5);

    public LearnerLesson {
        Objects.requireNonNull(lessonId, "lessonId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(learnerOutcome, "learnerOutcome");
        if (!FEEDBACK.equals(source) && !OBSERVED.equals(source)) {
            throw new IllegalArgumentException("unknown lesson source: " + source);
        }
    }

    public boolean weakModelFailed() {
        return FeedbackEntry.WEAK_FAILED.equals(learnerOutcome);
    }
}
