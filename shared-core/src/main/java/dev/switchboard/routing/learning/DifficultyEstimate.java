package dev.switchboard.routing.learning;

/**
 * A learner's belief that the weak model fails a prompt.
 *
 * @param failureProbability in [0, 1]; 0.5 when nothing has been learned
 * @param examples           how many outcomes the learner has seen in all (0 at the start)
 * @param certainty          in [0, 1]: how much the learner trusts this estimate (0 with no data,
 *                           low for prompts unlike anything it was trained on)
 */
public record DifficultyEstimate(double failureProbability, long examples, double certainty) {

    public DifficultyEstimate {
        if (!(failureProbability >= 0 && failureProbability <= 1)) {
            throw new IllegalArgumentException("failureProbability must be in [0, 1]: " + failureProbability);
        }
        if (examples < 0) {
            throw new IllegalArgumentException("examples must be at least 0: " + examples);
        }
        if (!(certainty >= 0 && certainty <= 1)) {
            throw new IllegalArgumentException("certainty must be in [0, 1]: " + certainty);
        }
    }

    /** What a learner with no data says: even odds, no certainty. */
    public static DifficultyEstimate unknown() {
        return new DifficultyEstimate(0.5, 0, 0);
    }
}
