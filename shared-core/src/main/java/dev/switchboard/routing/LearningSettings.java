package dev.switchboard.routing;

/**
 * How the learning strategy turns a learned failure probability (that the weak model gets a prompt
 * wrong) into a tier, and when it trusts itself enough to decide at all.
 *
 * @param standardFrom  failure probability from which the standard tier is asked for
 * @param premiumFrom   failure probability from which the premium tier is asked for
 * @param minExamples   outcomes the learner must have seen before it decides anything
 * @param minCertainty  the learner's certainty below which it declines to decide a prompt
 */
public record LearningSettings(double standardFrom, double premiumFrom, long minExamples, double minCertainty) {

    public static final LearningSettings DEFAULTS = new LearningSettings(0.3, 0.6, 50, 0.3);

    /** Certainty from which, with the probability clear of a boundary, a decision is of high confidence. */
    static final double HIGH_CERTAINTY = 0.7;
    /** Certainty below which a decision is of low confidence. */
    static final double MEDIUM_CERTAINTY = 0.5;
    /** How far from a tier boundary a probability must be for high confidence; nearer than half is low. */
    static final double CLEAR_MARGIN = 0.1;
    /** Absorbs binary rounding, so that 0.2 counts as exactly 0.1 from a boundary at 0.3. */
    private static final double ROUNDING = 1e-9;

    public LearningSettings {
        if (!(0 < standardFrom && standardFrom < premiumFrom && premiumFrom < 1)) {
            throw new IllegalArgumentException("learning thresholds must satisfy 0 < standard-from < premium-from < 1");
        }
        if (minExamples < 1) {
            throw new IllegalArgumentException("learning min-examples must be at least 1");
        }
        if (!(minCertainty >= 0 && minCertainty <= 1)) {
            throw new IllegalArgumentException("learning min-certainty must be in [0, 1]");
        }
    }

    public Tier tierFor(double failureProbability) {
        if (failureProbability < standardFrom) {
            return Tier.ECONOMY;
        }
        return failureProbability < premiumFrom ? Tier.STANDARD : Tier.PREMIUM;
    }

    Confidence confidence(double failureProbability, double certainty) {
        double margin = Math.min(Math.abs(failureProbability - standardFrom),
                Math.abs(failureProbability - premiumFrom));
        if (certainty < MEDIUM_CERTAINTY || margin < CLEAR_MARGIN / 2 - ROUNDING) {
            return Confidence.LOW;
        }
        return certainty >= HIGH_CERTAINTY && margin >= CLEAR_MARGIN - ROUNDING ? Confidence.HIGH : Confidence.MEDIUM;
    }
}
