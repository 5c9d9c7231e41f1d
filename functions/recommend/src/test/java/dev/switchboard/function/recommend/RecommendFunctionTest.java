package dev.switchboard.function.recommend;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.switchboard.testsupport.TestEnvironment;
import dev.switchboard.testsupport.lambda.LambdaEvents;
import dev.switchboard.testsupport.lambda.LambdaReplies;
import dev.switchboard.testsupport.lambda.TestLambdaContext;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recommend function's Lambda handler, fed API Gateway HTTP API (payload 2.0) events. */
class RecommendFunctionTest {

    private static ApplicationContext context;
    private static APIGatewayV2HTTPEventFunction handler;
    private static LambdaReplies replies;

    @BeforeAll
    static void start() {
        context = ApplicationContext.run(TestEnvironment.properties());
        handler = new APIGatewayV2HTTPEventFunction(context);
        replies = new LambdaReplies(context);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void recommendsTheAutoRouteDecisionForAPrompt() {
        APIGatewayV2HTTPResponse response = handle("events/recommendation.json");

        assertEquals(200, response.getStatusCode(), replies.text(response));
        JsonNode body = replies.json(response);
        assertEquals("hybrid_fallback", body.get("strategy_used").getStringValue());
        assertEquals("code", body.get("metadata").get("pattern").getStringValue());
        assertTrue(body.get("reasoning").getStringValue().contains("complexity rule used"));
    }

    @Test
    void refusesAMissingPromptNamingTheParameter() {
        APIGatewayV2HTTPResponse response = handle("events/recommendation-missing-prompt.json");

        assertEquals(400, response.getStatusCode(), replies.text(response));
        assertEquals("prompt", replies.json(response).get("error").get("field").getStringValue());
    }

    private static APIGatewayV2HTTPResponse handle(String fixture) {
        return handler.handleRequest(LambdaEvents.load(fixture, APIGatewayV2HTTPEvent.class),
                new TestLambdaContext("switchboard-recommend"));
    }
}
