package dev.switchboard.function.metrics;

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

/** The metrics function's Lambda handler, fed API Gateway HTTP API (payload 2.0) events. */
class MetricsFunctionTest {

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
    void reportsRoutingMetricsForThePeriodAsked() {
        APIGatewayV2HTTPResponse response = handle("events/routing-metrics.json");

        assertEquals(200, response.getStatusCode(), replies.text(response));
        JsonNode savings = replies.json(response).get("cost_savings");
        assertEquals(30, savings.get("period_days").getIntValue());
        assertEquals(0.0, savings.get("intelligent_cost").getDoubleValue());
        assertEquals(0, replies.json(response).get("by_strategy").size());
    }

    @Test
    void refusesANonNumericDaysNamingTheParameter() {
        APIGatewayV2HTTPResponse response = handle("events/routing-metrics-bad-days.json");

        assertEquals(400, response.getStatusCode(), replies.text(response));
        assertEquals("days", replies.json(response).get("error").get("field").getStringValue());
    }

    @Test
    void reportsHealthyWhenLedgerAndStateAnswer() {
        APIGatewayV2HTTPResponse response = handle("events/health.json");

        assertEquals(200, response.getStatusCode(), replies.text(response));
        JsonNode body = replies.json(response);
        assertEquals("ok", body.get("status").getStringValue());
        assertEquals("ok", body.get("checks").get("state").getStringValue());
        assertEquals(3, body.get("providers_configured").getIntValue());
    }

    private static APIGatewayV2HTTPResponse handle(String fixture) {
        return handler.handleRequest(LambdaEvents.load(fixture, APIGatewayV2HTTPEvent.class),
                new TestLambdaContext("switchboard-metrics"));
    }
}
