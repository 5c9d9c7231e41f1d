package dev.switchboard.routing.learning;

/**
 * How the difficulty model is fitted: passes over the examples, step size, L2 penalty, and the seed
 * of the shuffling, so that the same examples always give the same model.
 */
public record TrainingOptions(int epochs, double learningRate, double l2, long seed) {

    public static final TrainingOptions DEFAULTS = new TrainingOptions(30, 0.05, 1e-4, 1);

    public TrainingOptions {
        if (epochs < 1 || !(learningRate > 0) || !(l2 >= 0)) {
            throw new IllegalArgumentException("epochs >= 1, learning rate > 0 and l2 >= 0 are required");
        }
    }
}
