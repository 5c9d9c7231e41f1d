package dev.switchboard.function.decision;

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

/** The decision function's Lambda handler, fed API Gateway HTTP API (payload 2.0) events. */
class DecisionFunctionTest {

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
    void explainsTheComplexityDecisionWithEveryCandidate() {
        APIGatewayV2HTTPResponse response = handle("events/decision.json");

        assertEquals(200, response.getStatusCode(), replies.text(response));
        JsonNode body = replies.json(response);
        assertEquals("complexity", body.get("decision").get("strategy_used").getStringValue());
        assertEquals("analysis", body.get("metadata").get("pattern").getStringValue());
        JsonNode candidates = body.get("metadata").get("candidates");
        assertEquals(5, candidates.size());
        assertEquals(body.get("decision").get("model").getStringValue(),
                candidates.get(0).get("model").getStringValue());
        assertEquals(1, candidates.get(0).get("rank").getIntValue());
    }

    private static APIGatewayV2HTTPResponse handle(String fixture) {
        return handler.handleRequest(LambdaEvents.load(fixture, APIGatewayV2HTTPEvent.class),
                new TestLambdaContext("switchboard-decision"));
    }
}
