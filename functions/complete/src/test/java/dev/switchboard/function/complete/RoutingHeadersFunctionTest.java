package dev.switchboard.function.complete;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.switchboard.testsupport.TestEnvironment;
import dev.switchboard.testsupport.lambda.HttpEvents;
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

/** The routing headers as the complete function's Lambda handler returns them to API Gateway. */
class RoutingHeadersFunctionTest {

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
    void aCompleteAnswerAndItsCacheHitCarryTheirRouting() {
        String body = "{\"prompt\": \"What is Lambda? (function headers)\"}";
        APIGatewayV2HTTPResponse first = send("/complete", body);
        APIGatewayV2HTTPResponse second = send("/complete", body);

        assertEquals(200, first.getStatusCode(), replies.text(first));
        JsonNode json = replies.json(first);
        assertEquals(json.get("routing_metadata").get("request_id").getStringValue(),
                replies.header(first, "x-request-id"));
        assertEquals("gemini", replies.header(first, "x-switchboard-provider"));
        assertEquals("gemini-1.5-flash", replies.header(first, "x-switchboard-model"));
        assertEquals("complexity", replies.header(first, "x-switchboard-strategy"));
        assertEquals("0", replies.header(first, "x-switchboard-fallbacks"));
        assertEquals("miss", replies.header(first, "x-switchboard-cache"));
        assertTrue(Long.parseLong(replies.header(first, "x-switchboard-overhead-ms")) >= 0);
        assertEquals("hit", replies.header(second, "x-switchboard-cache"));
    }

    @Test
    void anErrorAfterTheIdWasAssignedCarriesItAndNothingElse() {
        APIGatewayV2HTTPResponse response = send("/v1/chat/completions",
                "{\"model\": \"gpt-9\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}");

        assertEquals(404, response.getStatusCode(), replies.text(response));
        assertTrue(replies.header(response, "x-request-id").matches("[0-9a-f-]{36}"));
        assertEquals("", replies.header(response, "x-switchboard-provider"), "absent");
    }

    private static APIGatewayV2HTTPResponse send(String path, String body) {
        return handler.handleRequest(HttpEvents.request("POST", path, null, body),
                new TestLambdaContext("switchboard-complete"));
    }
}
