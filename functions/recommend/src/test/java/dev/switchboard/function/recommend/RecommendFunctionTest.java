package dev.switchboard.function.recommend;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.json.tree.JsonNode;
import dev.switchboard.function.HttpFunctionUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recommend function's Lambda handler, fed API Gateway HTTP API (payload 2.0) events. */
class RecommendFunctionTest {

    @RegisterExtension
    static final HttpFunctionUnderTest FUNCTION = new HttpFunctionUnderTest("recommend");

    @Test
    void recommendsTheAutoRouteDecisionForAPrompt() {
        APIGatewayV2HTTPResponse response = FUNCTION.handle("events/recommendation.json");

        assertEquals(200, response.getStatusCode(), FUNCTION.text(response));
        JsonNode body = FUNCTION.json(response);
        assertEquals("hybrid_fallback", body.get("strategy_used").getStringValue());
        assertEquals("code", body.get("metadata").get("pattern").getStringValue());
        assertTrue(body.get("reasoning").getStringValue().contains("complexity rule used"));
    }

    @Test
    void refusesAMissingPromptNamingTheParameter() {
        APIGatewayV2HTTPResponse response = FUNCTION.handle("events/recommendation-missing-prompt.json");

        assertEquals(400, response.getStatusCode(), FUNCTION.text(response));
        assertEquals("prompt", FUNCTION.json(response).get("error").get("field").getStringValue());
    }

    @Test
    void autoRouteIsNoParameterHereSinceARecommendationAlwaysAutoRoutes() {
        APIGatewayV2HTTPResponse response = FUNCTION.send("GET", "/recommendation?prompt=hi&auto_route=false", null,
                null);

        assertEquals(400, response.getStatusCode(), FUNCTION.text(response));
        assertEquals("auto_route", FUNCTION.json(response).get("error").get("field").getStringValue());
        APIGatewayV2HTTPResponse named = FUNCTION.send("GET", "/recommendation?prompt=hi&strategy=complexity", null,
                null);
        assertEquals(400, named.getStatusCode(), "nor is a strategy: seed 001's recommendation is the hybrid's");
        assertEquals("strategy", FUNCTION.json(named).get("error").get("field").getStringValue());
        APIGatewayV2HTTPResponse small = FUNCTION.send("GET",
                "/recommendation?prompt=hi&max_tokens=50&deny=gemini&deny=openai", null, null);
        APIGatewayV2HTTPResponse large = FUNCTION.send("GET",
                "/recommendation?prompt=hi&max_tokens=4000&deny=gemini&deny=openai", null, null);
        assertEquals(200, small.getStatusCode(), FUNCTION.text(small));
        assertEquals("anthropic", FUNCTION.json(small).get("provider").getStringValue(), "a list given twice");
        double smallCost = FUNCTION.json(small).get("metadata").get("cost_estimate").getDoubleValue();
        double largeCost = FUNCTION.json(large).get("metadata").get("cost_estimate").getDoubleValue();
        assertTrue(largeCost > smallCost * 10, "the answer budget is taken: " + smallCost + " vs " + largeCost);
    }
}
