package dev.switchboard.function.complete;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.switchboard.function.HttpFunctionUnderTest;
import dev.switchboard.ledger.RequestLedger;
import dev.switchboard.routing.learning.DifficultyLearner;
import dev.switchboard.service.LedgerLearning;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** POST /feedback through the complete function's Lambda handler, on a request /complete answered first. */
class FeedbackFunctionTest {

    @RegisterExtension
    static final HttpFunctionUnderTest FUNCTION = new HttpFunctionUnderTest("complete");

    private static final String PROMPT = "What is a closure in JavaScript?";

    private String answeredRequestId() {
        APIGatewayV2HTTPResponse response = FUNCTION.handle("events/complete-plain.json",
                "{\"prompt\":\"" + PROMPT + "\"}");
        assertEquals(200, response.getStatusCode(), FUNCTION.text(response));
        return FUNCTION.json(response).get("routing_metadata").get("request_id").getStringValue();
    }

    @Test
    void storesFeedbackOnAnAnswerAndTheLearnerLearnsItFromTheLedger() {
        String id = answeredRequestId();
        DifficultyLearner learner = FUNCTION.bean(DifficultyLearner.class);
        // The learner learns feedback from the ledger, as every instance does; read it up to now first.
        LedgerLearning learning = FUNCTION.bean(LedgerLearning.class);
        learning.refresh();
        long before = learner.estimate(PROMPT).examples();

        APIGatewayV2HTTPResponse response = FUNCTION.handle("events/feedback-unknown-request.json",
                "{\"request_id\":\"" + id + "\",\"rating\":1,\"comment\":\"missed the point\"}");

        assertEquals(201, response.getStatusCode(), FUNCTION.text(response));
        JsonNode body = FUNCTION.json(response);
        assertEquals(id, body.get("request_id").getStringValue());
        assertEquals(1, body.get("rating").getIntValue());
        assertEquals("missed the point", body.get("comment").getStringValue());
        assertEquals("economy", body.get("tier").getStringValue());
        assertEquals("weak_model_failed", body.get("learner_outcome").getStringValue());
        assertFalse(body.get("feedback_id").getStringValue().isBlank());
        learning.refresh();
        assertEquals(before + 1, learner.estimate(PROMPT).examples());
        assertEquals(1, FUNCTION.bean(RequestLedger.class).learnerOutcomes(id));
    }

    @Test
    void anUnknownRequestIdIs404() {
        APIGatewayV2HTTPResponse response = FUNCTION.handle("events/feedback-unknown-request.json");

        assertEquals(404, response.getStatusCode(), FUNCTION.text(response));
        JsonNode error = FUNCTION.json(response).get("error");
        assertEquals("not_found", error.get("type").getStringValue());
        assertEquals("request_id", error.get("field").getStringValue());
    }

    @Test
    void aRatingOutOfRangeIs400NamingTheField() {
        APIGatewayV2HTTPResponse response = FUNCTION.handle("events/feedback-bad-rating.json");

        assertEquals(400, response.getStatusCode(), FUNCTION.text(response));
        assertEquals("rating", FUNCTION.json(response).get("error").get("field").getStringValue());
    }
}
