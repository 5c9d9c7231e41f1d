package dev.switchboard.api;

import java.util.Objects;

/**
 * POST /feedback: a rating (1 to 5) and / or a quality score (0 to 1) for a request the caller sent,
 * with an optional comment. The comment is stored, never logged.
 */
public record FeedbackRequest(String requestId, Integer rating, Double qualityScore, String comment) {

    public static final int MIN_RATING = 1;
    public static final int MAX_RATING = 5;

    public FeedbackRequest {
        Objects.requireNonNull(requestId, "requestId");
        if (rating == null && qualityScore == null) {
            throw new IllegalArgumentException("feedback needs a rating or a quality score");
        }
    }

    @Override
    public String toString() {
        // The comment is the caller's own text: kept out of anything that prints this record.
        return "FeedbackRequest[requestId=" + requestId + ", rating=" + rating + ", qualityScore=" + qualityScore
                + ", comment=" + (comment == null ? "none" : comment.length() + " chars") + "]";
    }
}
