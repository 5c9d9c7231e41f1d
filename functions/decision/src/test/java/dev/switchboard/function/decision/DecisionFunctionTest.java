package dev.switchboard.function.decision;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.json.tree.JsonNode;
import dev.switchboard.function.HttpFunctionUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decision function's Lambda handler, fed API Gateway HTTP API (payload 2.0) events. */
class DecisionFunctionTest {

    @RegisterExtension
    static final HttpFunctionUnderTest FUNCTION = new HttpFunctionUnderTest("decision");

    @Test
    void explainsTheComplexityDecisionWithEveryCandidate() {
        APIGatewayV2HTTPResponse response = FUNCTION.handle("events/decision.json");

        assertEquals(200, response.getStatusCode(), FUNCTION.text(response));
        JsonNode body = FUNCTION.json(response);
        assertEquals("complexity", body.get("decision").get("strategy_used").getStringValue());
        assertEquals("analysis", body.get("metadata").get("pattern").getStringValue());
        assertEquals("not_applicable", body.get("metadata").get("validation").getStringValue(),
                "the complexity rule learns nothing to validate");
        JsonNode candidates = body.get("metadata").get("candidates");
        assertEquals(5, candidates.size());
        assertEquals(body.get("decision").get("model").getStringValue(),
                candidates.get(0).get("model").getStringValue());
        assertEquals(1, candidates.get(0).get("rank").getIntValue());
    }

    @Test
    void aQueryValueOfOnlyCommasIsAPromptNotAMissingOne() {
        // The adapter's split at commas drops trailing empty pieces: ",," would read as no prompt at all.
        APIGatewayV2HTTPResponse response = FUNCTION.handle("events/decision-only-commas.json");

        assertEquals(200, response.getStatusCode(), FUNCTION.text(response));
    }

    @Test
    void aQueryValueWithCommasArrivesWhole() {
        // API Gateway decodes the query and joins repeated keys with commas; the values must not be split there.
        APIGatewayV2HTTPResponse response = FUNCTION.handle("events/decision-commas.json");

        assertEquals(200, response.getStatusCode(), FUNCTION.text(response));
        JsonNode body = FUNCTION.json(response);
        assertEquals("code", body.get("metadata").get("pattern").getStringValue(),
                "the whole prompt was analysed, not \"Hi\"");
        JsonNode excluded = body.get("metadata").get("excluded");
        assertEquals(3, excluded.size(), "gemini's deployment and both of openai's are denied: " + excluded);
        JsonNode candidates = body.get("metadata").get("candidates");
        for (int i = 0; i < candidates.size(); i++) {
            assertEquals("anthropic", candidates.get(i).get("provider").getStringValue());
        }
    }

    @Test
    void theAnswerBudgetIsTakenAsPostCompleteTakesIt() {
        // The answer budget decides the cost estimate: 4000 tokens of answer cost more than 100.
        APIGatewayV2HTTPResponse small = FUNCTION.send("GET", "/routing/decision?prompt=hi&max_tokens=100", null, null);
        APIGatewayV2HTTPResponse large = FUNCTION.send("GET", "/routing/decision?prompt=hi&max_tokens=4000", null, null);

        assertEquals(200, small.getStatusCode(), FUNCTION.text(small));
        assertEquals(200, large.getStatusCode(), FUNCTION.text(large));
        double smallCost = FUNCTION.json(small).get("metadata").get("cost_estimate").getDoubleValue();
        double largeCost = FUNCTION.json(large).get("metadata").get("cost_estimate").getDoubleValue();
        assertTrue(largeCost > smallCost * 10, smallCost + " vs " + largeCost);
        APIGatewayV2HTTPResponse tooMany = FUNCTION.send("GET", "/routing/decision?prompt=hi&max_tokens=4001", null, null);
        assertEquals(400, tooMany.getStatusCode());
        assertEquals("max_tokens", FUNCTION.json(tooMany).get("error").get("field").getStringValue());
    }

    @Test
    void anUnknownEmptyOrMalformedParameterIsA400NamingIt() {
        for (String[] sent : new String[][]{{"prompt=hi&autoroute=false", "autoroute"},
                {"prompt=hi&strategy=", "strategy"},
                {"prompt=hi&max_cost=0x1p-3", "max_cost"}}) {
            APIGatewayV2HTTPResponse response = FUNCTION.send("GET", "/routing/decision?" + sent[0], null, null);

            assertEquals(400, response.getStatusCode(), sent[0] + ": " + FUNCTION.text(response));
            assertEquals(sent[1], FUNCTION.json(response).get("error").get("field").getStringValue(), sent[0]);
        }
    }
}
