package dev.switchboard.routing.learning;

import java.util.Arrays;

/**
 * The {@link PromptFeatures} of one prompt, as the learner reads them; immutable, equal when every
 * value is. The router's prompt scan makes one while it reads the prompt, so that the learner does not
 * read the prompt again ({@link DifficultyLearner#estimate(String, FeatureVector)}).
 */
public final class FeatureVector {

    private final double[] values;

    /** Takes {@code values} as it is: only code of this package, which never writes to it, makes one. */
    FeatureVector(double[] values) {
        if (values.length != PromptFeatures.COUNT) {
            throw new IllegalArgumentException("need " + PromptFeatures.COUNT + " features, got " + values.length);
        }
        this.values = values;
    }

    /** The features of {@code prompt}, read on their own. */
    public static FeatureVector of(String prompt) {
        return FeatureTally.readAll(prompt).features();
    }

    /** Feature {@code index}, in the order of {@link PromptFeatures#NAMES}. */
    public double get(int index) {
        return values[index];
    }

    /** A copy of all the features. */
    public double[] toArray() {
        return values.clone();
    }

    /** The values without a copy, for the learner, which only reads them. */
    double[] values() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureVector other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "FeatureVector" + Arrays.toString(values);
    }
}
