package dev.switchboard.ledger;

/**
 * What a deployment must clear to be called well rated over a period: a mean rating of at least
 * {@code minAvgRating} (1 to 5) over at least {@code minRequests} rated requests, each counted once;
 * a mean quality score (0 to 1) of at least {@code minAvgQualityScore} when any were given; and at least
 * {@code minRequests} priced answers, so that its mean cost is not one answer's.
 */
public record RatingBar(double minAvgRating, double minAvgQualityScore, int minRequests) {

    public RatingBar {
        if (!(minAvgRating >= 1 && minAvgRating <= 5) || !(minAvgQualityScore >= 0 && minAvgQualityScore <= 1)
                || minRequests < 1) {
            throw new IllegalArgumentException("a rating of 1 to 5, a quality score of 0 to 1 and at least one request");
        }
    }
}
