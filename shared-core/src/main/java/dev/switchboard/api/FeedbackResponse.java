package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * POST /feedback (201): the feedback as stored, the deployment it rates, and what the difficulty
 * learner took from it ({@code learnerOutcome} null when nothing, {@code learnerNote} says why).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FeedbackResponse(String feedbackId, String requestId, String createdAt, @Nullable Integer rating,
                               @Nullable Double qualityScore, @Nullable String comment, @Nullable String provider,
                               @Nullable String model, @Nullable String tier, String strategy,
                               @Nullable String learnerOutcome, String learnerNote) {
}
