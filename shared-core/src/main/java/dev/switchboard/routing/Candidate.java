package dev.switchboard.routing;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * One deployment the router may choose: a provider's model with its tier, its prices per token, what
 * it can do, and its weight among deployments of the same model for weighted load balancing.
 * {@code priced} is false when the price table does not know the model; such a candidate still
 * routes, but its cost is reported as unknown rather than as $0. {@code longContextPrices}, highest
 * threshold first, are what a request whose input passes a threshold costs instead.
 */
public record Candidate(String provider, String model, Tier tier, double inputCostPerToken,
                        double outputCostPerToken, boolean priced, Capabilities capabilities, int weight,
                        List<LongContextPrice> longContextPrices) {

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
        longContextPrices = List.copyOf(longContextPrices);
    }

    /** A candidate priced the same whatever the length of the request. */
    public Candidate(String provider, String model, Tier tier, double inputCostPerToken, double outputCostPerToken,
                     boolean priced, Capabilities capabilities, int weight) {
        this(provider, model, tier, inputCostPerToken, outputCostPerToken, priced, capabilities, weight, List.of());
    }

    /** A candidate with default capabilities and weight 1. */
    public Candidate(String provider, String model, Tier tier, double inputCostPerToken, double outputCostPerToken,
                     boolean priced) {
        this(provider, model, tier, inputCostPerToken, outputCostPerToken, priced, Capabilities.DEFAULTS, 1);
    }

    /**
     * The answer budget this candidate is sent: {@code maxTokens} as the caller set it, or, when
     * {@code fitted} (the gateway's default), cut to fit it (see {@link Capabilities#fittedBudget}).
     */
    public int answerBudget(int maxTokens, boolean fitted, int promptTokens) {
        return fitted ? capabilities.fittedBudget(maxTokens, promptTokens) : maxTokens;
    }

    /**
     * The most this candidate can charge for a prompt of {@code inputTokens} and an answer of
     * {@code maxTokens}: at the long-context prices of the highest threshold the prompt passes, if any.
     */
    public double costUpperBound(int inputTokens, int maxTokens) {
        double input = inputCostPerToken;
        double output = outputCostPerToken;
        for (LongContextPrice level : longContextPrices) {
            if (inputTokens > level.aboveInputTokens()) {
                input = level.inputCostPerToken() > 0 ? level.inputCostPerToken() : input;
                output = level.outputCostPerToken() > 0 ? level.outputCostPerToken() : output;
                break;
            }
        }
        // Kept to ten decimal places, like every other cost, so sums and JSON carry no float noise.
        return Math.round((inputTokens * input + maxTokens * output) * 1e10) / 1e10;
    }

    /** Input plus output price: the per-token figure candidates of one tier are ranked by. */
    public double unitPrice() {
        return inputCostPerToken + outputCostPerToken;
    }

    public String label() {
        return provider + "/" + model;
    }

    /** Whether one of {@code names} names this deployment: by its provider, its model or its label. */
    public boolean namedBy(Collection<String> names) {
        return named(provider, model, names);
    }

    /**
     * Whether one of {@code names} is {@code provider}, {@code model} or "provider/model": for a deployment
     * configured but not (yet) a candidate, such as one listed from the providers file.
     */
    public static boolean named(String provider, String model, Collection<String> names) {
        return !names.isEmpty() && (names.contains(provider) || names.contains(model)
                || names.contains(provider + "/" + model));
    }

    /** As a record says itself, leaving out long-context prices when there are none (the common case). */
    @Override
    public String toString() {
        return "Candidate[provider=" + provider + ", model=" + model + ", tier=" + tier + ", inputCostPerToken="
                + inputCostPerToken + ", outputCostPerToken=" + outputCostPerToken + ", priced=" + priced
                + ", capabilities=" + capabilities + ", weight=" + weight
                + (longContextPrices.isEmpty() ? "" : ", longContextPrices=" + longContextPrices) + "]";
    }
}
