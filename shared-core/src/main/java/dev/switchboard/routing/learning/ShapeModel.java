package dev.switchboard.routing.learning;

import java.util.SplittableRandom;

/**
 * What a {@link LogisticDifficultyLearner} knows about one prompt shape (multiple-choice or open): how
 * many outcomes of that shape it has seen, the running mean and sum of squared deviations of each
 * {@link PromptFeatures feature} over them (Welford), and logistic weights with their own bias (last).
 * Nothing is shared between shapes: a word problem's lengths and numbers would otherwise shift the
 * standardisation and the bias that exam questions are scored with.
 *
 * <p>Immutable once published; {@link #observe} returns a new one.
 */
final class ShapeModel {

    static final int FEATURES = PromptFeatures.COUNT;
    static final int WEIGHTS = FEATURES + 1;
    private static final int BIAS = FEATURES;

    final long examples;
    final double[] means;
    final double[] squares;
    final double[] weights;
    private final double[] deviations;

    ShapeModel(long examples, double[] means, double[] squares, double[] weights) {
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

    static ShapeModel empty() {
        return new ShapeModel(0, new double[FEATURES], new double[FEATURES], new double[WEIGHTS]);
    }

    /**
     * This model after one more outcome: statistics first, then one gradient step with them. The step
     * of a prompt farther from the shape's mean than a typical one (squared distance d above the number
     * of features F, its expected value) is scaled by F / d, bias included. A plain step's effect on
     * other prompts grows with d (its weights move along the prompt's standardised features), so a few
     * lessons on prompts unlike the fitted ones (a user rating chat answers against a model fitted on
     * word problems) would otherwise re-route the prompts it knows.
     */
    ShapeModel observe(double[] x, boolean failed, LearnerOptions options) {
        ShapeModel next = new ShapeModel(examples, means.clone(), squares.clone(), weights.clone()).withStatisticsOf(x);
        next.step(x, failed, options.learningRate() * Math.min(1.0, FEATURES / next.squaredDistance(x)), options.l2());
        return next;
    }

    /**
     * Fits from scratch on one shape's batch: exact statistics over all its examples, then {@code epochs}
     * passes of gradient steps in an order shuffled by {@code random}, so equal inputs give equal models.
     * The weights are the mean over every step of the later half of the passes (all of them for one pass).
     */
    static ShapeModel fit(double[][] xs, boolean[] failed, int epochs, SplittableRandom random,
                          LearnerOptions options) {
        ShapeModel model = empty();
        for (double[] x : xs) {
            model = model.withStatisticsOf(x);
        }
        int[] order = new int[xs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // The weights returned are the mean of the iterates over the later half of the passes (Polyak-Ruppert
        // averaging): with a constant step, the last iterate wanders around the optimum with the order of
        // the last few hundred examples, so the model depended on the shuffle's seed.
        int averagedFrom = epochs / 2;
        double[] sum = new double[WEIGHTS];
        long steps = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(order, random);
            for (int i : order) {
                model.step(xs[i], failed[i], options.learningRate(), options.l2());
                if (epoch >= averagedFrom) {
                    for (int k = 0; k < WEIGHTS; k++) {
                        sum[k] += model.weights[k];
                    }
                    steps++;
                }
            }
        }
        if (steps > 0) {
            for (int k = 0; k < WEIGHTS; k++) {
                model.weights[k] = sum[k] / steps;
            }
        }
        return model;
    }

    /** The learned logit, without the length prior (which is added only to estimates, see the learner). */
    double learnedLogit(double[] x) {
        double z = weights[BIAS];
        for (int k = 0; k < FEATURES; k++) {
            z += weights[k] * standardised(x, k);
        }
        return z;
    }

    double standardised(double[] x, int k) {
        return (x[k] - means[k]) / deviations[k];
    }

    /** Squared distance of a prompt from this shape's mean, in standard deviations per feature. */
    double squaredDistance(double[] x) {
        double d = 0;
        for (int k = 0; k < FEATURES; k++) {
            double z = standardised(x, k);
            d += z * z;
        }
        return d;
    }

    /** Adds one prompt to the statistics, in place: only on a model not yet published. */
    private ShapeModel withStatisticsOf(double[] x) {
        long n = examples + 1;
        for (int k = 0; k < FEATURES; k++) {
            double before = x[k] - means[k];
            means[k] += before / n;
            squares[k] += before * (x[k] - means[k]);
        }
        return new ShapeModel(n, means, squares, weights);
    }

    /** One logistic-regression gradient step of {@code rate} on this model's own weights (only while it is private). */
    private void step(double[] x, boolean failed, double rate, double l2) {
        double error = LearnerState.sigmoid(learnedLogit(x)) - (failed ? 1 : 0);
        for (int k = 0; k < FEATURES; k++) {
            double w = weights[k];
            weights[k] = w - rate * (error * standardised(x, k) + l2 * w);
        }
        weights[BIAS] -= rate * error;
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
