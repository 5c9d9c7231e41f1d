package dev.switchboard.service;

import dev.switchboard.routing.PromptAnalysis;
import dev.switchboard.routing.learning.PromptFeatures;

import java.util.Optional;

/**
 * The difficulty learner's features of a prompt as the ledger keeps them: the values separated by
 * commas, each as {@link Double#toString} writes it, so that they read back exactly. They describe the
 * prompt's shape (lengths and counts), never its words, so keeping them keeps no prompt text; they are
 * what lets feedback, which arrives after the prompt is gone, teach the learner.
 */
public final class LearnerFeatureText {

    /** 22 values of at most 24 characters and their commas fit the column (VARCHAR(1024)). */
    public static final int MAX_LENGTH = 1024;
    /** From here on {@link Double#toString} writes whole numbers in scientific notation ("1.0E7"). */
    private static final double WHOLE_NUMBER_LIMIT = 1e7;

    private LearnerFeatureText() {
    }

    /** The analysis's features as text, or null when the analysis took none (a prompt too long to scan whole). */
    public static String of(PromptAnalysis analysis) {
        return analysis.learnerFeatures().map(f -> encode(f.toArray())).orElse(null);
    }

    static String encode(double[] values) {
        StringBuilder text = new StringBuilder(values.length * 8);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            append(text, values[i]);
        }
        return text.toString();
    }

    /**
     * {@link Double#toString}'s text of {@code value}. Many features are whole numbers, zero above all
     * (no quotes, no options, no numbers), which it writes as the number and ".0" below 10^7, so
     * those are written that way directly; it is slow for the rest, but exact.
     */
    private static void append(StringBuilder text, double value) {
        if (value >= 0 && value < WHOLE_NUMBER_LIMIT && value == Math.rint(value)
                && Double.doubleToRawLongBits(value) >= 0) {
            text.append((long) value).append(".0");
        } else {
            text.append(Double.toString(value));
        }
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
