package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/**
 * What a decision was based on: the prompt's pattern and complexity, the chosen deployment's cost
 * bound (null when it has no price), its feedback quality from 0 to 1 ({@code quality_score}, left
 * out while nobody has rated it), how the hybrid's learned choice stood up to the complexity rule
 * ({@code validation}: validated, adjusted, fallback, or not_applicable for strategies that do not
 * learn), the ranked candidates, and those the request's constraints left out, with why.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionMetadata(String pattern, double complexity, double complexityScore, int tokenCount,
                               List<String> signals, Double qualityScore, Double costEstimate, String validation,
                               List<RankedCandidate> candidates, List<ExcludedCandidate> excluded) {

    /** A deployment ("provider/model") the request's constraints left out, and why. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record ExcludedCandidate(String candidate, String reason) {
    }

    /**
     * One candidate in the order the router would try them, with its multi-factor score (0 to 100)
     * and each factor's contribution (health, priority, sla, performance, capability, cost).
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record RankedCandidate(int rank, String provider, String model, String tier,
                                  boolean priced, double inputCostPerToken, double outputCostPerToken,
                                  Double score, java.util.Map<String, Double> factors) {
    }
}
