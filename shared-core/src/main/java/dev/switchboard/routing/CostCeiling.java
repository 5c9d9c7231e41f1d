package dev.switchboard.routing;

import java.util.List;

/**
 * The most a candidate's tokens can cost, which a request's {@code max_cost} and a key's budget are held to
 * before the call: per input token, {@code inputPerToken} (the dearer of plain input and a write to the
 * provider's prompt cache where the provider marks prompts for it: a whole prompt may be written), and
 * {@code audioPerToken} for a prompt that carries audio where that is dearer (0: audio costs as text); per output
 * token, the dearer of text and reasoning (a whole answer may be thought). {@code levels}, highest threshold
 * first, are the same once a prompt passes a long-context threshold; a level's price of 0 is the base one, and
 * audio has no levels.
 */
public record CostCeiling(double inputPerToken, double audioPerToken, double outputPerToken,
                          List<LongContextPrice> levels) {

    public CostCeiling {
        if (!(inputPerToken >= 0) || !(audioPerToken >= 0) || !(outputPerToken >= 0)) {
            throw new IllegalArgumentException("a cost ceiling needs prices of at least 0");
        }
        levels = List.copyOf(levels);
    }

    /** Tokens that cost the same however they are used, at any length. */
    public static CostCeiling flat(double inputPerToken, double outputPerToken) {
        return new CostCeiling(inputPerToken, 0, outputPerToken, List.of());
    }

    /**
     * The most a prompt of {@code inputTokens} ({@code audio}: carrying audio) and an answer of {@code maxTokens}
     * can cost, to ten decimals.
     */
    public double usd(int inputTokens, int maxTokens, boolean audio) {
        double input = inputPerToken;
        double output = outputPerToken;
        for (LongContextPrice level : levels) {
            if (inputTokens > level.aboveInputTokens()) {
                input = level.inputCostPerToken() > 0 ? level.inputCostPerToken() : input;
                output = level.outputCostPerToken() > 0 ? level.outputCostPerToken() : output;
                break;
            }
        }
        if (audio) {
            input = Math.max(input, audioPerToken);
        }
        // Kept to ten decimal places, like every other cost, so sums and JSON carry no float noise.
        return Math.round((inputTokens * input + maxTokens * output) * 1e10) / 1e10;
    }
}
