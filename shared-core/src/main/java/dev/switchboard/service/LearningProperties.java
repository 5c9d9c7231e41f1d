package dev.switchboard.service;

import dev.switchboard.config.ConfigurationError;
import dev.switchboard.routing.LearningSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The learning strategy's thresholds (switchboard.routing.learning.*), validated at start-up: the
 * learned failure probability from which the standard and premium tiers are asked for, and how much
 * evidence it needs before it decides.
 */
@ConfigurationProperties("switchboard.routing.learning")
public record LearningProperties(@Bindable(defaultValue = "0.3") double standardFrom,
                                 @Bindable(defaultValue = "0.6") double premiumFrom,
                                 @Bindable(defaultValue = "50") long minExamples,
                                 @Bindable(defaultValue = "0.3") double minCertainty) {

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
}
