package dev.switchboard.routing;

import java.util.Collection;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One deployment the router may choose: a provider's model with its tier, its prices per token, what
 * it can do, and its weight among deployments of the same model for weighted load balancing.
 * {@code priced} is false when the price table does not know the model; such a candidate still
 * routes, but its cost is reported as unknown rather than as $0. The list prices rank candidates; {@code
 * ceiling} is the most a request can cost on it (cache writes, audio, reasoning and long prompts at their own
 * prices).
 */
public record Candidate(String provider, String model, Tier tier, double inputCostPerToken,
                        double outputCostPerToken, boolean priced, Capabilities capabilities, int weight,
                        CostCeiling ceiling) {

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
        Objects.requireNonNull(ceiling, "ceiling");
    }

    /** A candidate whose tokens cost their list prices however they are used, at any length. */
    public Candidate(String provider, String model, Tier tier, double inputCostPerToken, double outputCostPerToken,
                     boolean priced, Capabilities capabilities, int weight) {
        this(provider, model, tier, inputCostPerToken, outputCostPerToken, priced, capabilities, weight,
                CostCeiling.flat(inputCostPerToken, outputCostPerToken));
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

    /** The most this candidate can charge for a prompt of text of {@code inputTokens} and an answer of {@code maxTokens}. */
    public double costUpperBound(int inputTokens, int maxTokens) {
        return ceiling.usd(inputTokens, maxTokens, false);
    }

    /** As {@link #costUpperBound(int, int)}, for a prompt that carries audio when {@code audio}. */
    public double costUpperBound(int inputTokens, int maxTokens, boolean audio) {
        return ceiling.usd(inputTokens, maxTokens, audio);
    }

    /** Input plus output price: the per-token figure candidates of one tier are ranked by. */
    public double unitPrice() {
        return inputCostPerToken + outputCostPerToken;
    }

    public String label() {
        return provider + "/" + model;
    }

    /**
     * Whether one of {@code names} names this deployment, {@code among} the deployments configured: by its provider,
     * its label, or its model (see {@link #named(String, String, Collection, Predicate)}).
     */
    public boolean namedBy(Collection<String> names, Collection<Candidate> among) {
        return named(provider, model, names, name -> among.stream().anyMatch(c -> c.label().equals(name)));
    }

    /**
     * Whether one of {@code names} is {@code provider}, "provider/model" or {@code model}; for a deployment configured
     * but not (yet) a candidate, such as one listed from the providers file. A model name that is also another
     * deployment's "provider/model" ({@code isLabel}; OpenRouter's "openai/gpt-4o" beside OpenAI's own gpt-4o) names
     * that deployment only: "provider/model" names one deployment for good, whatever models others serve.
     */
    public static boolean named(String provider, String model, Collection<String> names, Predicate<String> isLabel) {
        if (names.isEmpty()) {
            return false;
        }
        if (names.contains(provider) || names.contains(provider + "/" + model)) {
            return true;
        }
        return names.contains(model) && !(model.indexOf('/') > 0 && isLabel.test(model));
    }

    /** As a record says itself, leaving out the ceiling when it is the list prices (the common case). */
    @Override
    public String toString() {
        return "Candidate[provider=" + provider + ", model=" + model + ", tier=" + tier + ", inputCostPerToken="
                + inputCostPerToken + ", outputCostPerToken=" + outputCostPerToken + ", priced=" + priced
                + ", capabilities=" + capabilities + ", weight=" + weight
                + (ceiling.equals(CostCeiling.flat(inputCostPerToken, outputCostPerToken)) ? "" : ", ceiling=" + ceiling)
                + "]";
    }
}
