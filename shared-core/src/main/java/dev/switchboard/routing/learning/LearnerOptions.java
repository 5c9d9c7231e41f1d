package dev.switchboard.routing.learning;

/**
 * How a {@link LogisticDifficultyLearner} learns and answers.
 *
 * @param learningRate   step size of each gradient step (online and in batch fitting)
 * @param l2             L2 penalty on the learned weights, which keeps rare features from dominating
 * @param lengthPrior    logits added per standard deviation of log prompt length, on top of what is
 *                       learned: the prior that longer prompts are harder. It transfers across
 *                       subjects where learned shape weights did not (routing-eval README); 0 turns it off
 * @param evidenceScale  how many outcomes make the learner half certain (see {@link DifficultyEstimate})
 */
public record LearnerOptions(double learningRate, double l2, double lengthPrior, double evidenceScale) {

    /** The values routing-eval measures (chosen by cross-validation on training data only). */
    public static final LearnerOptions DEFAULTS = new LearnerOptions(0.02, 1e-3, 0.5, 100);

    public LearnerOptions {
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw new IllegalArgumentException("learningRate must be in (0, 1]: " + learningRate);
        }
        if (!(l2 >= 0 && l2 < 1)) {
            throw new IllegalArgumentException("l2 must be in [0, 1): " + l2);
        }
        if (!(Math.abs(lengthPrior) <= 10)) {
            throw new IllegalArgumentException("lengthPrior must be in [-10, 10]: " + lengthPrior);
        }
        if (!(evidenceScale >= 1 && evidenceScale <= 1e9)) {
            throw new IllegalArgumentException("evidenceScale must be in [1, 1e9]: " + evidenceScale);
        }
    }
}
