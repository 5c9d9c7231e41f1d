package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/**
 * Why and how a request was routed: the decision's inputs and reasoning, what was tried, and how
 * the cost compares with the baseline model. Fields that do not apply are left out.
 *
 * @param upstreamModel the model name the provider's whole answer reported (often a dated snapshot of
 *                      the configured model); the response's {@code model} is always the configured one,
 *                      which is what a caller can pin. Absent for streams and cache hits.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoutingMetadata(String requestId, String pattern, double complexity, String reasoning,
                              Double costEstimate, Boolean costPriced, String baselineModel, Double baselineCost,
                              Boolean fallbackUsed, List<String> attempted, List<String> fallbacks,
                              Long latencyMs, Boolean ledgerRecorded, Boolean stateAvailable,
                              String upstreamModel) {
}
