package dev.switchboard.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * One feedback submission on a routed request: a rating from 1 to 5 and / or a quality score from 0 to
 * 1 (at least one), an optional comment, and what the difficulty learner took from it.
 *
 * @param principal      who gave it
 * @param learnerOutcome {@link #WEAK_FAILED}, {@link #WEAK_SUCCEEDED}, or null when the learner took nothing
 */
public record FeedbackEntry(String id, String requestId, Instant createdAt, String principal, Integer rating,
                            Double qualityScore, String comment, String learnerOutcome) {

    public static final String WEAK_FAILED = "weak_model_failed";
    public static final String WEAK_SUCCEEDED = "weak_model_succeeded";

    public FeedbackEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(principal, "principal");
        if (rating == null && qualityScore == null) {
            throw new IllegalArgumentException("feedback needs a rating or a quality score");
        }
        if (rating != null && (rating < 1 || rating > 5)) {
            throw new IllegalArgumentException("rating must be 1 to 5: " + rating);
        }
        if (qualityScore != null && !(qualityScore >= 0 && qualityScore <= 1)) {
            throw new IllegalArgumentException("qualityScore must be in [0, 1]: " + qualityScore);
        }
    }
}
