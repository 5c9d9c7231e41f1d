package dev.switchboard.routing.learning;

import java.util.Arrays;

/**
 * The {@link PromptFeatures} of one prompt, as the learner reads them; immutable, equal when every
 * value is. The router's prompt scan makes one while it reads the prompt, so that the learner does not
 * read the prompt again ({@link DifficultyLearner#estimate(String, FeatureVector)}). It holds the
 * counts and works the values out when asked: a decision without learning then pays for no logarithms.
 */
public final class FeatureVector {

    /** Finished: its reader has handed over the whole prompt and nothing counts into it any more. */
    private final FeatureTally counts;

    FeatureVector(FeatureTally counts) {
        this.counts = counts;
    }

    /** The features of {@code prompt}, read on their own. */
    public static FeatureVector of(String prompt) {
        return new FeatureVector(FeatureTally.readAll(prompt));
    }

    /** A copy of all the features, in the order of {@link PromptFeatures#NAMES}. */
    public double[] toArray() {
        return values();
    }

    /** The values, worked out anew on each call (the learner asks once per estimate). */
    double[] values() {
        double[] values = new double[PromptFeatures.COUNT];
        counts.writeTo(values);
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureVector other && Arrays.equals(values(), other.values());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values());
    }

    @Override
    public String toString() {
        return "FeatureVector" + Arrays.toString(values());
    }
}
