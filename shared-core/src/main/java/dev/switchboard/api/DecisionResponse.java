package dev.switchboard.api;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** GET /routing/decision (seed 001): the decision and what it was based on. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record DecisionResponse(Decision decision, DecisionMetadata metadata) {

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Decision(String provider, String model, String confidence, String strategyUsed,
                           String reasoning, boolean fallbackUsed) {
    }
}
