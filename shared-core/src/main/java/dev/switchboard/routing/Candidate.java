package dev.switchboard.routing;

import java.util.Objects;

/**
 * One deployment the router may choose: a provider's model with its tier and its prices per token.
 * {@code priced} is false when the price table does not know the model; such a candidate still
 * routes, but its cost is reported as unknown rather than as $0.
 */
public record Candidate(String provider, String model, Tier tier,
                        double inputCostPerToken, double outputCostPerToken, boolean priced) {

    public Candidate {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(tier, "tier");
        if (!(inputCostPerToken >= 0) || !(outputCostPerToken >= 0)) {
            throw new IllegalArgumentException("prices must be numbers of at least 0");
        }
    }

    /** The most this candidate can charge for a prompt of {@code inputTokens} and an answer of {@code maxTokens}. */
    public double costUpperBound(int inputTokens, int maxTokens) {
        // Kept to ten decimal places, like every other cost, so sums and JSON carry no float noise.
        return Math.round((inputTokens * inputCostPerToken + maxTokens * outputCostPerToken) * 1e10) / 1e10;
    }

    /** Input plus output price: the per-token figure candidates of one tier are ranked by. */
    double unitPrice() {
        return inputCostPerToken + outputCostPerToken;
    }

    public String label() {
        return provider + "/" + model;
    }
}
