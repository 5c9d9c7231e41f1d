package dev.switchboard.routing;

import dev.switchboard.routing.learning.DifficultyEstimate;

import java.util.Objects;
import java.util.Optional;

/**
 * What the learning strategy makes of a prompt: the tier it asks for (empty when it declines to
 * decide), how confident it is, what the learner estimated, and why, in words.
 */
public record LearnedAssessment(Optional<Tier> tier, Confidence confidence, DifficultyEstimate estimate,
                                String reasoning) {

    public LearnedAssessment {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(reasoning, "reasoning");
    }
}
