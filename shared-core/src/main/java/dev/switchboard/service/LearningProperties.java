package dev.switchboard.service;

import dev.switchboard.config.ConfigurationError;
import dev.switchboard.routing.LearningSettings;
import dev.switchboard.routing.learning.DifficultyLearner;
import dev.switchboard.routing.learning.LearnerOptions;
import dev.switchboard.routing.learning.LogisticDifficultyLearner;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The learning strategy's thresholds (switchboard.routing.learning.*), validated at start-up: the
 * learned failure probability from which the standard and premium tiers are asked for, how much
 * evidence it needs before it decides, and optionally a file holding a learner's saved state (as the
 * routing evaluator's --save-state writes it) to start from instead of from nothing.
 */
@ConfigurationProperties("switchboard.routing.learning")
public record LearningProperties(@Bindable(defaultValue = "0.3") double standardFrom,
                                 @Bindable(defaultValue = "0.6") double premiumFrom,
                                 @Bindable(defaultValue = "50") long minExamples,
                                 @Bindable(defaultValue = "0.3") double minCertainty,
                                 @Nullable String state) {

    public LearningSettings settings() {
        try {
            return new LearningSettings(standardFrom, premiumFrom, minExamples, minCertainty);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationError("SWITCHBOARD_ROUTING_LEARNING_STANDARD_FROM=" + standardFrom
                    + ", SWITCHBOARD_ROUTING_LEARNING_PREMIUM_FROM=" + premiumFrom
                    + ", SWITCHBOARD_ROUTING_LEARNING_MIN_EXAMPLES=" + minExamples
                    + ", SWITCHBOARD_ROUTING_LEARNING_MIN_CERTAINTY=" + minCertainty
                    + " (switchboard.routing.learning.*): " + e.getMessage());
        }
    }

    /** The learner to route with: the saved state when one is configured, else one that knows nothing yet. */
    public DifficultyLearner learner() {
        if (state == null || state.isBlank()) {
            return new LogisticDifficultyLearner(LearnerOptions.DEFAULTS);
        }
        try {
            return LogisticDifficultyLearner.fromBytes(Files.readAllBytes(Path.of(state)));
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationError("SWITCHBOARD_ROUTING_LEARNING_STATE (switchboard.routing.learning.state): "
                    + "cannot read a learner state from '" + state + "': " + describe(e), e);
        }
    }

    private static String describe(Exception e) {
        return e instanceof NoSuchFileException ? "no such file" : e.getMessage();
    }
}
