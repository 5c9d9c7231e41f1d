package dev.switchboard.api;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.util.Set;

/** Turns a POST /feedback body into a {@link FeedbackRequest}, or a 400 that names the field. */
@Singleton
public final class FeedbackRequestParser {

    /** Request ids are UUIDs; anything much longer cannot be one. */
    public static final int MAX_REQUEST_ID_CHARS = 64;
    /** The ledger's comment column holds this many. */
    public static final int MAX_COMMENT_CHARS = 1000;

    private static final Set<String> FIELDS = Set.of("request_id", "rating", "quality_score", "comment");

    private final JsonMapper mapper;

    public FeedbackRequestParser(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public FeedbackRequest parse(byte[] body) {
        JsonBody json = JsonBody.parseObject(mapper, body, FIELDS);
        String requestId = json.requiredText("request_id", MAX_REQUEST_ID_CHARS);
        Long rating = json.optionalLong("rating", FeedbackRequest.MIN_RATING, FeedbackRequest.MAX_RATING);
        Double qualityScore = json.optionalDecimal("quality_score", 0.0, 1.0);
        String comment = json.optionalText("comment", null);
        if (comment != null && comment.length() > MAX_COMMENT_CHARS) {
            throw new InvalidRequestException("comment", "'comment' must be at most " + MAX_COMMENT_CHARS
                    + " characters");
        }
        if (rating == null && qualityScore == null) {
            throw new InvalidRequestException("rating", "'rating' (1 to 5) or 'quality_score' (0 to 1) is required");
        }
        return new FeedbackRequest(requestId.trim(), rating == null ? null : rating.intValue(), qualityScore,
                comment == null || comment.isBlank() ? null : comment);
    }
}
