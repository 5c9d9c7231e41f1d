package dev.switchboard.routing.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One immutable snapshot of a {@link LogisticDifficultyLearner}: a {@link ShapeModel} for multiple-choice
 * prompts and one for open prompts, wholly separate, because a feature such as "many numbers" marks a
 * hard exam question but not a hard word problem, and because mixing the two shapes' statistics and
 * bias cost held-out exam questions in routing-eval (README).
 */
final class LearnerState {

    static final int FEATURES = PromptFeatures.COUNT;

    final ShapeModel choice;
    final ShapeModel open;

    LearnerState(ShapeModel choice, ShapeModel open) {
        this.choice = choice;
        this.open = open;
    }

    static LearnerState empty() {
        return new LearnerState(ShapeModel.empty(), ShapeModel.empty());
    }

    /** Outcomes seen in all, of both shapes. */
    long examples() {
        return choice.examples + open.examples;
    }

    /** The model for a prompt's shape. */
    ShapeModel modelFor(double[] x) {
        return isChoice(x) ? choice : open;
    }

    /** This state after one more outcome; the other shape's model is kept as it is. */
    LearnerState observe(double[] x, boolean failed, LearnerOptions options) {
        return isChoice(x)
                ? new LearnerState(choice.observe(x, failed, options), open)
                : new LearnerState(choice, open.observe(x, failed, options));
    }

    /** Fits each shape on its own examples, multiple-choice first, both with the one {@code random}. */
    static LearnerState fit(double[][] xs, boolean[] failed, int epochs, SplittableRandom random,
                            LearnerOptions options) {
        return new LearnerState(fitShape(xs, failed, true, epochs, random, options),
                fitShape(xs, failed, false, epochs, random, options));
    }

    private static ShapeModel fitShape(double[][] xs, boolean[] failed, boolean choice, int epochs,
                                       SplittableRandom random, LearnerOptions options) {
        List<double[]> shapeXs = new ArrayList<>();
        List<Boolean> shapeFailed = new ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            if (isChoice(xs[i]) == choice) {
                shapeXs.add(xs[i]);
                shapeFailed.add(failed[i]);
            }
        }
        boolean[] labels = new boolean[shapeFailed.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = shapeFailed.get(i);
        }
        return ShapeModel.fit(shapeXs.toArray(new double[0][]), labels, epochs, random, options);
    }

    static boolean isChoice(double[] x) {
        return x[PromptFeatures.HAS_OPTIONS] > 0.5;
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, z))));
    }
}
