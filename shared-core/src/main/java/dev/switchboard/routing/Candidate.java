package dev.switchboard.routing;

import java.util.Objects;

/**
 * One deployment the router may choose: a provider's model with its tier, its prices per token, what
 * it can do, and its weight among deployments of the same model for weighted load balancing.
 * {@code priced} is false when the price table does not know the model; such a candidate still
 * routes, but its cost is reported as unknown rather than as $0.
 */
public record Candidate(String provider, String model, Tier tier, double inputCostPerToken,
                        double outputCostPerToken, boolean priced, Capabilities capabilities, int weight) {

    public Candidate {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(capabilities, "capabilities");
        if (!(inputCostPerToken >= 0) || !(outputCostPerToken >= 0)) {
            throw new IllegalArgumentException("prices must be numbers of at least 0");
        }
        if (weight < 1) {
            throw new IllegalArgumentException("weight must be at least 1: " + weight);
        }
    }

    /** A candidate with default capabilities and weight 1. */
    public Candidate(String provider, String model, Tier tier, double inputCostPerToken, double outputCostPerToken,
                     boolean priced) {
        this(provider, model, tier, inputCostPerToken, outputCostPerToken, priced, Capabilities.DEFAULTS, 1);
    }

    /** The most this candidate can charge for a prompt of {@code inputTokens} and an answer of {@code maxTokens}. */
    public double costUpperBound(int inputTokens, int maxTokens) {
        // Kept to ten decimal places, like every other cost, so sums and JSON carry no float noise.
        return Math.round((inputTokens * inputCostPerToken + maxTokens * outputCostPerToken) * 1e10) / 1e10;
    }

    /** Input plus output price: the per-token figure candidates of one tier are ranked by. */
    public double unitPrice() {
        return inputCostPerToken + outputCostPerToken;
    }

    public String label() {
        return provider + "/" + model;
    }
}
