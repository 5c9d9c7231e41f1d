package dev.switchboard.function.complete;

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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The complete function's Lambda handler, fed API Gateway HTTP API (payload 2.0) events. */
class CompleteFunctionTest {

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
    void answersAPromptSentAsABase64Body() {
        APIGatewayV2HTTPResponse response = handle("events/complete-base64.json");

        assertEquals(200, response.getStatusCode(), replies.text(response));
        JsonNode body = replies.json(response);
        assertEquals("complexity", body.get("strategy_used").getStringValue());
        assertEquals("gemini-1.5-flash", body.get("model").getStringValue());
        assertTrue(body.get("response").getStringValue().contains("What is Python?"));
        assertFalse(body.get("cache_hit").getBooleanValue());
        assertTrue(body.get("total_cost_today").getDoubleValue() > 0);
        assertTrue(replies.header(response, "content-type").startsWith("application/json"));
    }

    @Test
    void answersAPromptSentAsAPlainBody() {
        APIGatewayV2HTTPResponse response = handle("events/complete-plain.json");

        assertEquals(200, response.getStatusCode(), replies.text(response));
        assertEquals("medium", replies.json(response).get("confidence").getStringValue());
    }

    @Test
    void refusesAnOutOfRangeMaxTokensNamingTheField() {
        APIGatewayV2HTTPResponse response = handle("events/complete-bad-max-tokens.json");

        assertEquals(400, response.getStatusCode(), replies.text(response));
        JsonNode error = replies.json(response).get("error");
        assertEquals("invalid_request", error.get("type").getStringValue());
        assertEquals("max_tokens", error.get("field").getStringValue());
    }

    private static APIGatewayV2HTTPResponse handle(String fixture) {
        return handler.handleRequest(LambdaEvents.load(fixture, APIGatewayV2HTTPEvent.class),
                new TestLambdaContext("switchboard-complete"));
    }
}
