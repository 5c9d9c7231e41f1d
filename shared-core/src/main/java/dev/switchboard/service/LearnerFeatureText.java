package dev.switchboard.service;

import dev.switchboard.routing.PromptAnalysis;
import dev.switchboard.routing.learning.PromptFeatures;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The difficulty learner's features of a prompt as the ledger keeps them: the values separated by
 * commas, each as {@link Double#toString} writes it, so that they read back exactly. They describe the
 * prompt's shape (lengths and counts), never its words, so keeping them keeps no prompt text; they are
 * what lets feedback, which arrives after the prompt is gone, teach the learner.
 */
public final class LearnerFeatureText {

    /** 22 values of at most 24 characters and their commas fit the column (VARCHAR(1024)). */
    public static final int MAX_LENGTH = 1024;

    private LearnerFeatureText() {
    }

    /** The analysis's features as text, or null when the analysis took none (a prompt too long to scan whole). */
    public static String of(PromptAnalysis analysis) {
        return analysis.learnerFeatures().map(f -> encode(f.toArray())).orElse(null);
    }

    static String encode(double[] values) {
        return Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(","));
    }

    /** The values back, or empty when the text is absent or not {@link PromptFeatures#COUNT} finite numbers. */
    public static Optional<double[]> decode(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = text.split(",", -1);
        if (parts.length != PromptFeatures.COUNT) {
            return Optional.empty();
        }
        double[] values = new double[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                values[i] = Double.parseDouble(parts[i]);
                if (!Double.isFinite(values[i])) {
                    return Optional.empty();
                }
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(values);
    }
}
