package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * POST /complete's answer, with seed 001's fields (Appendix B). {@code cost} is null when the model
 * has no known price (routing_metadata.cost_priced is then false): unknown is not free.
 * {@code totalCostToday} is null only when the shared state store could not be reached;
 * routing_metadata.state_available then says so.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CompleteResponse(String response, String provider, String model, String strategyUsed,
                               String confidence, ComplexityMetadata complexityMetadata,
                               int tokensIn, int tokensOut, Double cost, Double totalCostToday,
                               boolean cacheHit, RoutingMetadata routingMetadata) {
}
