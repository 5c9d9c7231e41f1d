package dev.switchboard.provider;

import java.util.List;

/**
 * OpenAI's generation settings besides the budget, the temperature and the tools: nucleus sampling
 * ({@code top_p}, null for the provider's default) and the sequences that end the answer ({@code stop}, at
 * most {@value #MAX_STOP_SEQUENCES}, the fewest any protocol takes), which every protocol has a field for;
 * the answer's format ({@code response_format}), which only deployments with the json capability take;
 * the sampling {@code seed} (null for none), a best-effort hint only OpenAI's and Gemini's wires carry;
 * the {@code reasoning} effort (null for the model's own), which only deployments with the reasoning
 * capability take; the repetition {@code penalties}, which only OpenAI's and Gemini's wires carry; and
 * OpenAI's {@code promptCache} hints, which change no answer and go to OpenAI alone.
 */
public record GenerationOptions(Double topP, List<String> stop, ResponseFormat format, Long seed,
                                ReasoningEffort reasoning, Penalties penalties, PromptCacheHint promptCache) {

    public static final int MAX_STOP_SEQUENCES = 4;
    public static final GenerationOptions NONE = new GenerationOptions(null, List.of(), ResponseFormat.TEXT);

    /** Options for a free-text answer. */
    public GenerationOptions(Double topP, List<String> stop) {
        this(topP, stop, ResponseFormat.TEXT);
    }

    /** Options without a seed, a reasoning effort, penalties or prompt-cache hints. */
    public GenerationOptions(Double topP, List<String> stop, ResponseFormat format) {
        this(topP, stop, format, null, null, Penalties.NONE);
    }

    /** Options without a reasoning effort, penalties or prompt-cache hints. */
    public GenerationOptions(Double topP, List<String> stop, ResponseFormat format, Long seed) {
        this(topP, stop, format, seed, null, Penalties.NONE);
    }

    /** Options without penalties or prompt-cache hints. */
    public GenerationOptions(Double topP, List<String> stop, ResponseFormat format, Long seed,
                             ReasoningEffort reasoning) {
        this(topP, stop, format, seed, reasoning, Penalties.NONE);
    }

    /** Options without prompt-cache hints. */
    public GenerationOptions(Double topP, List<String> stop, ResponseFormat format, Long seed,
                             ReasoningEffort reasoning, Penalties penalties) {
        this(topP, stop, format, seed, reasoning, penalties, PromptCacheHint.NONE);
    }

    public GenerationOptions {
        format = format == null ? ResponseFormat.TEXT : format;
        penalties = penalties == null ? Penalties.NONE : penalties;
        promptCache = promptCache == null ? PromptCacheHint.NONE : promptCache;
        if (topP != null && !(topP >= 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP must be in [0, 1]: " + topP);
        }
        stop = List.copyOf(stop);
        if (stop.size() > MAX_STOP_SEQUENCES || stop.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("at most " + MAX_STOP_SEQUENCES + " stop sequences, none empty");
        }
    }

    /**
     * {@code stop} as it is, for a protocol that refuses a sequence of white space alone ("\n" included):
     * such a request cannot be said there, an {@link IllegalArgumentException}, which the adapters take as
     * a request this deployment cannot take though another may.
     */
    public static List<String> requireVisible(List<String> stop, String who) {
        if (stop.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException(who + " takes no stop sequence of white space alone");
        }
        return stop;
    }

    /**
     * The {@code top_p} to send beside {@code temperature} to a protocol whose models take one of the two:
     * Anthropic asks callers to alter one, not both, and its newer models refuse a request with both. The
     * temperature, the setting callers reach for first, is kept; null when none is to be sent.
     */
    public Double topPBeside(Double temperature) {
        return temperature == null ? topP : null;
    }

    /**
     * The options for a log line: the stop sequences counted, not quoted (they can carry the caller's text),
     * the format by kind, a seed only as given or not.
     */
    public String shape() {
        return "topP=" + topP + ", stop=" + stop.size() + ", format=" + format.wireName()
                + ", seed=" + (seed == null ? "none" : "given") + ", reasoning=" + (reasoning == null ? "none"
                : reasoning.wireName()) + ", penalties=" + (penalties.any() ? penalties.presence() + "/"
                + penalties.frequency() : "none");
    }

    /**
     * One canonical text, for the response cache's key: each sequence length-prefixed. The prompt-cache
     * hints are left out: they change no answer.
     */
    public String canonical() {
        StringBuilder out = new StringBuilder("top_p=").append(topP).append("|stop=");
        stop.forEach(s -> out.append(s.length()).append(':').append(s).append(','));
        // Text, the default, adds nothing, so that cached free-text answers keep their keys.
        if (format.json()) {
            out.append("|format=").append(format.canonical());
        }
        // Likewise no seed adds nothing; another seed may draw another answer, so it is part of the key.
        if (seed != null) {
            out.append("|seed=").append(seed);
        }
        if (reasoning != null) {
            out.append("|reasoning=").append(reasoning.wireName());
        }
        if (penalties.any()) {
            out.append("|penalties=").append(penalties.presence()).append(',').append(penalties.frequency());
        }
        return out.toString();
    }
}
