package dev.switchboard.routing.learning;

import java.util.Optional;

/**
 * Learns from outcomes which prompts the weak (cheap) model gets wrong, and estimates that for new
 * prompts. It starts knowing nothing, learns one outcome at a time (a rating from feedback, an
 * observed failure, or a labelled training example), and its whole state serialises so that it can
 * be stored and shared between instances. Implementations are thread-safe: estimates run on the
 * request path while outcomes arrive.
 */
public interface DifficultyLearner {

    /** Records one outcome: whether the weak model failed this prompt. */
    void observe(String prompt, boolean weakModelFailed);

    /**
     * The same, from the prompt's features ({@link PromptFeatures#COUNT} values in the order of
     * {@link PromptFeatures#NAMES}, as {@link FeatureVector#toArray()} gives them): feedback arrives
     * after the request, when the prompt itself is no longer kept.
     */
    void observe(double[] features, boolean weakModelFailed);

    /** The learner's current belief about a prompt, with how much evidence stands behind it. */
    DifficultyEstimate estimate(String prompt);

    /**
     * The same estimate, from {@code features} that the router's scan already took of {@code prompt}
     * (they must be its {@link PromptFeatures}); a learner that does not read features asks
     * {@link #estimate(String)}.
     */
    default DifficultyEstimate estimate(String prompt, FeatureVector features) {
        return estimate(prompt);
    }

    /** The learner's whole state; the implementation's static {@code fromBytes} reads it back exactly. */
    byte[] toBytes();

    /**
     * A new learner of this kind and settings with the state {@code state} ({@link #toBytes()} of one);
     * empty when this kind cannot read a state back, or {@code state} is another kind's or was learned
     * with other settings (it would not be what this learner would have learned).
     */
    default Optional<DifficultyLearner> restore(byte[] state) {
        return Optional.empty();
    }
}
