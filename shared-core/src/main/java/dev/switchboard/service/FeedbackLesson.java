package dev.switchboard.service;

import dev.switchboard.api.FeedbackRequest;
import dev.switchboard.ledger.FeedbackEntry;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.routing.Tier;

import java.util.Optional;

/**
 * What one piece of feedback can teach the difficulty learner. The learner estimates whether the weak
 * (economy) model fails a prompt, so only an answered request that an economy deployment gave, with its
 * prompt's features on the row, counts: a rating of 2 or less or a quality score under 0.5 says the weak
 * model failed, 4 or more / 0.7 or more that it did not; anything between, or two signals that disagree,
 * teach nothing.
 *
 * @param outcome  {@link FeedbackEntry#WEAK_FAILED}, {@link FeedbackEntry#WEAK_SUCCEEDED}, or null
 * @param features the prompt's features when there is an outcome
 * @param note     why, in a sentence
 */
public record FeedbackLesson(String outcome, double[] features, String note) {

    static final int FAILED_AT_MOST = 2;
    static final int SUCCEEDED_AT_LEAST = 4;
    static final double FAILED_BELOW = 0.5;
    static final double SUCCEEDED_FROM = 0.7;

    public static FeedbackLesson of(LedgerEntry row, FeedbackRequest feedback) {
        if (!LedgerEntry.OK.equals(row.status()) || row.provider() == null) {
            return none("the request was not answered, so there is no answer to learn from");
        }
        if (row.cacheHit()) {
            // The answer came from the cache: the fresh answer it repeats was the lesson, and taught once.
            return none("the answer came from the cache; only a fresh answer teaches the learner");
        }
        if (row.tier() == null) {
            return none("the tier of the deployment that answered is not recorded");
        }
        if (!Tier.ECONOMY.wireName().equals(row.tier())) {
            return none("answered by a " + row.tier() + " deployment; the learner learns how the economy tier does");
        }
        Optional<double[]> features = LearnerFeatureText.decode(row.learnerFeatures());
        if (features.isEmpty()) {
            return none("no learner features were recorded for this prompt");
        }
        Boolean byRating = feedback.rating() == null ? null
                : feedback.rating() <= FAILED_AT_MOST ? Boolean.TRUE
                : feedback.rating() >= SUCCEEDED_AT_LEAST ? Boolean.FALSE : null;
        Boolean byScore = feedback.qualityScore() == null ? null
                : feedback.qualityScore() < FAILED_BELOW ? Boolean.TRUE
                : feedback.qualityScore() >= SUCCEEDED_FROM ? Boolean.FALSE : null;
        if (byRating != null && byScore != null && !byRating.equals(byScore)) {
            return none("the rating and the quality score disagree");
        }
        if (feedback.rating() != null && feedback.qualityScore() != null && (byRating == null) != (byScore == null)) {
            // A neutral rating beside a clear score (or the other way round) is a mixed signal, not a verdict.
            return none("one of the rating and the quality score is neither clearly good nor clearly bad");
        }
        Boolean failed = byRating != null ? byRating : byScore;
        if (failed == null) {
            return none("neither clearly good (rating >= 4, quality_score >= 0.7) nor clearly bad "
                    + "(rating <= 2, quality_score < 0.5)");
        }
        return failed
                ? new FeedbackLesson(FeedbackEntry.WEAK_FAILED, features.get(), "the economy model failed this prompt")
                : new FeedbackLesson(FeedbackEntry.WEAK_SUCCEEDED, features.get(), "the economy model handled this prompt");
    }

    static FeedbackLesson none(String note) {
        return new FeedbackLesson(null, null, note);
    }

    public boolean teaches() {
        return outcome != null;
    }
}
