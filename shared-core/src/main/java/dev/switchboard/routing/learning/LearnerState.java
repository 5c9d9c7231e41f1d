package dev.switchboard.routing.learning;

import java.util.SplittableRandom;

/**
 * One immutable snapshot of a {@link LogisticDifficultyLearner}: how many outcomes it has seen, the
 * running mean and sum of squared deviations of each {@link PromptFeatures feature} (Welford), and the
 * logistic weights. Features are standardised with the running statistics; multiple-choice prompts and
 * open prompts get separate weights (one block each, then a shared bias), because a feature such as
 * "many numbers" marks a hard exam question but not a hard word problem.
 */
final class LearnerState {

    static final int FEATURES = PromptFeatures.COUNT;
    static final int WEIGHTS = 2 * FEATURES + 1;

    final long examples;
    final double[] means;
    final double[] squares;
    final double[] weights;
    private final double[] deviations;

    LearnerState(long examples, double[] means, double[] squares, double[] weights) {
        this.examples = examples;
        this.means = means;
        this.squares = squares;
        this.weights = weights;
        this.deviations = new double[FEATURES];
        for (int k = 0; k < FEATURES; k++) {
            double variance = examples == 0 ? 0 : squares[k] / examples;
            // A feature that has not varied yet carries nothing to scale by; unit scale keeps it harmless.
            deviations[k] = variance > 1e-12 ? Math.sqrt(variance) : 1.0;
        }
    }

    static LearnerState empty() {
        return new LearnerState(0, new double[FEATURES], new double[FEATURES], new double[WEIGHTS]);
    }

    /** This state after one more outcome: statistics first, then one gradient step with them. */
    LearnerState observe(double[] x, boolean failed, LearnerOptions options) {
        long n = examples + 1;
        double[] m = means.clone();
        double[] s = squares.clone();
        for (int k = 0; k < FEATURES; k++) {
            double before = x[k] - m[k];
            m[k] += before / n;
            s[k] += before * (x[k] - m[k]);
        }
        LearnerState next = new LearnerState(n, m, s, weights.clone());
        next.step(x, failed, options);
        return next;
    }

    /**
     * Fits from scratch on a batch: exact statistics over all examples, then {@code epochs} passes of
     * gradient steps in an order shuffled by {@code random}, so equal inputs give equal states.
     */
    static LearnerState fit(double[][] xs, boolean[] failed, int epochs, SplittableRandom random,
                            LearnerOptions options) {
        LearnerState stats = empty();
        for (double[] x : xs) {
            stats = stats.withStatisticsOf(x);
        }
        int[] order = new int[xs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(order, random);
            for (int i : order) {
                stats.step(xs[i], failed[i], options);
            }
        }
        return stats;
    }

    /** The learned logit, without the length prior (which is added only to estimates, see the learner). */
    double learnedLogit(double[] x) {
        int block = block(x);
        double z = weights[WEIGHTS - 1];
        for (int k = 0; k < FEATURES; k++) {
            z += weights[block + k] * standardised(x, k);
        }
        return z;
    }

    double standardised(double[] x, int k) {
        return (x[k] - means[k]) / deviations[k];
    }

    /** Squared distance of a prompt from the training mean, in standard deviations per feature. */
    double squaredDistance(double[] x) {
        double d = 0;
        for (int k = 0; k < FEATURES; k++) {
            double z = standardised(x, k);
            d += z * z;
        }
        return d;
    }

    private LearnerState withStatisticsOf(double[] x) {
        long n = examples + 1;
        for (int k = 0; k < FEATURES; k++) {
            double before = x[k] - means[k];
            means[k] += before / n;
            squares[k] += before * (x[k] - means[k]);
        }
        return new LearnerState(n, means, squares, weights);
    }

    /** One logistic-regression gradient step on this state's own weights (only while it is private). */
    private void step(double[] x, boolean failed, LearnerOptions options) {
        double error = sigmoid(learnedLogit(x)) - (failed ? 1 : 0);
        int block = block(x);
        double rate = options.learningRate();
        for (int k = 0; k < FEATURES; k++) {
            double w = weights[block + k];
            weights[block + k] = w - rate * (error * standardised(x, k) + options.l2() * w);
        }
        weights[WEIGHTS - 1] -= rate * error;
    }

    private static int block(double[] x) {
        return x[PromptFeatures.HAS_OPTIONS] > 0.5 ? 0 : FEATURES;
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, z))));
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
