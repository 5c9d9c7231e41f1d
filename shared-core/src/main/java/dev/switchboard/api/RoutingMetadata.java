package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/**
 * Why and how a request was routed: the decision's inputs and reasoning, what was tried, and how
 * the cost compares with the baseline model. Fields that do not apply are left out.
 *
 * @param qualityScore  the chosen deployment's feedback quality (seed 001's quality_score, 0 to 1), as this
 *                      instance last read it from the ledger; absent while nobody rated it or before the
 *                      first read (an answer never waits for it)
 * @param validation    how the hybrid's learned choice stood up to the complexity rule (validated, adjusted,
 *                      fallback), or not_applicable for strategies that do not learn
 * @param upstreamModel the model name the provider's whole answer reported (often a dated snapshot of
 *                      the configured model); the response's {@code model} is always the configured one,
 *                      which is what a caller can pin. Absent for streams and cache hits.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoutingMetadata(String requestId, String pattern, double complexity, String reasoning,
                              Double qualityScore, Double costEstimate, Boolean costPriced, String validation,
                              String baselineModel, Double baselineCost,
                              Boolean fallbackUsed, List<String> attempted, List<String> fallbacks,
                              Long latencyMs, Boolean ledgerRecorded, Boolean stateAvailable,
                              String upstreamModel) {
}
