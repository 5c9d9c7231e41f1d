package dev.switchboard.function.metrics;

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

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GET /health during a state outage, through the metrics function's Lambda handler: everyone sees the failed
 * check and the 503; only the admin key sees since when and whether budgets are open meanwhile.
 */
class HealthOutageFunctionTest {

    private static final String ADMIN_KEY = "admin-health-3Kd9";

    private static ApplicationContext context;
    private static APIGatewayV2HTTPEventFunction handler;
    private static LambdaReplies replies;

    @BeforeAll
    static void start() throws IOException {
        Map<String, Object> properties = new HashMap<>(TestEnvironment.properties());
        properties.put("switchboard.admin-key", ADMIN_KEY);
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // A loopback port nothing listens on once closed: every state call is refused at once.
            properties.put("switchboard.dynamodb.endpoint", "http://127.0.0.1:" + probe.getLocalPort());
        }
        properties.put("switchboard.dynamodb.api-call-timeout", "1s");
        context = ApplicationContext.run(properties);
        handler = new APIGatewayV2HTTPEventFunction(context);
        replies = new LambdaReplies(context);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void strangersSeeTheOutageButNotWhatItOpens() {
        for (String authorization : new String[]{null, "Bearer not-the-admin", "Bearer " + ADMIN_KEY + "x"}) {
            APIGatewayV2HTTPResponse response = health(authorization);

            assertEquals(503, response.getStatusCode(), replies.text(response));
            JsonNode body = replies.json(response);
            assertEquals("unavailable", body.get("checks").get("state").getStringValue());
            JsonNode outage = body.get("state_outage");
            assertTrue(outage == null || outage.isNull(), replies.text(response));
        }
    }

    @Test
    void theAdminSeesSinceWhenAndWhatRequestsDoMeanwhile() {
        APIGatewayV2HTTPResponse response = health("Bearer " + ADMIN_KEY);

        assertEquals(503, response.getStatusCode(), replies.text(response));
        JsonNode outage = replies.json(response).get("state_outage");
        assertEquals("closed", outage.get("budgets").getStringValue(), replies.text(response));
        assertEquals("open", outage.get("rate_limits").getStringValue());
        assertTrue(outage.get("since").isString());
        assertNull(replies.json(response).get("error"));
    }

    private static APIGatewayV2HTTPResponse health(String authorization) {
        return handler.handleRequest(HttpEvents.request("GET", "/health", authorization, null),
                new TestLambdaContext("switchboard-metrics"));
    }
}
