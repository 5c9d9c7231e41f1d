package dev.switchboard.api;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FeedbackRequestParserTest {

    private static final FeedbackRequestParser PARSER = new FeedbackRequestParser(JsonMapper.createDefault());

    private static FeedbackRequest parse(String json) {
        return PARSER.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static InvalidRequestException refused(String json) {
        return assertThrows(InvalidRequestException.class, () -> parse(json));
    }

    @Test
    void readsARatingAScoreAndAComment() {
        FeedbackRequest request = parse("{\"request_id\":\"r-1\",\"rating\":4,\"quality_score\":0.8,\"comment\":\"ok\"}");

        assertEquals("r-1", request.requestId());
        assertEquals(4, request.rating());
        assertEquals(0.8, request.qualityScore());
        assertEquals("ok", request.comment());
    }

    @Test
    void aRatingOrAScoreAloneIsEnoughAndABlankCommentIsNone() {
        assertNull(parse("{\"request_id\":\"r\",\"rating\":1}").qualityScore());
        FeedbackRequest scored = parse("{\"request_id\":\"r\",\"quality_score\":0,\"comment\":\"  \"}");
        assertNull(scored.rating());
        assertEquals(0.0, scored.qualityScore());
        assertNull(scored.comment());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"rating\":3}|request_id",
            "{\"request_id\":\"  \",\"rating\":3}|request_id",
            "{\"request_id\":7,\"rating\":3}|request_id",
            "{\"request_id\":\"r\"}|rating",
            "{\"request_id\":\"r\",\"rating\":null,\"quality_score\":null}|rating",
            "{\"request_id\":\"r\",\"rating\":0}|rating",
            "{\"request_id\":\"r\",\"rating\":6}|rating",
            "{\"request_id\":\"r\",\"rating\":4.5}|rating",
            "{\"request_id\":\"r\",\"rating\":\"5\"}|rating",
            "{\"request_id\":\"r\",\"quality_score\":1.01}|quality_score",
            "{\"request_id\":\"r\",\"quality_score\":-0.1}|quality_score",
            "{\"request_id\":\"r\",\"quality_score\":\"high\"}|quality_score",
            "{\"request_id\":\"r\",\"rating\":3,\"comment\":5}|comment",
            "{\"request_id\":\"r\",\"rating\":3,\"stars\":5}|stars",
            // PostgreSQL stores no NUL character: the ledger would refuse the row.
            "{\"request_id\":\"r\",\"rating\":3,\"comment\":\"a\\u0000b\"}|comment",
            "{\"request_id\":\"r\\u0000\",\"rating\":3}|request_id",
    })
    void refusesABadFieldByName(String json, String field) {
        assertEquals(field, refused(json).field());
    }

    @Test
    void boundsTheCommentAndTheRequestId() {
        String longComment = "x".repeat(FeedbackRequestParser.MAX_COMMENT_CHARS + 1);
        InvalidRequestException comment = refused("{\"request_id\":\"r\",\"rating\":3,\"comment\":\"" + longComment + "\"}");
        assertEquals("comment", comment.field());
        assertFalse(comment.getMessage().contains("xxx"), "the comment is never echoed");
        String longId = "r".repeat(FeedbackRequestParser.MAX_REQUEST_ID_CHARS + 1);
        assertEquals("request_id", refused("{\"request_id\":\"" + longId + "\",\"rating\":3}").field());
    }

    @Test
    void refusesAnEmptyOrNonObjectBody() {
        assertNull(refused("").field());
        assertNull(refused("[1]").field());
        assertNull(refused("{\"request_id\":").field());
    }

    @Test
    void neverPrintsTheComment() {
        assertFalse(parse("{\"request_id\":\"r\",\"rating\":2,\"comment\":\"my secret plan\"}").toString()
                .contains("secret"));
    }
}
