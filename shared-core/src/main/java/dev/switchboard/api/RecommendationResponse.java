package dev.switchboard.api;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** GET /recommendation (seed 001): the decision auto-routing would make, without calling a provider. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record RecommendationResponse(String provider, String model, String confidence, String strategyUsed,
                                     String reasoning, DecisionMetadata metadata) {
}
