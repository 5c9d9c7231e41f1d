package dev.switchboard.function.metrics;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.switchboard.function.HttpFunctionUnderTest;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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

    @RegisterExtension
    static final HttpFunctionUnderTest FUNCTION = new HttpFunctionUnderTest("metrics", Map.of(
            "switchboard.admin-key", ADMIN_KEY,
            "switchboard.dynamodb.endpoint", nothingListening(),
            "switchboard.dynamodb.api-call-timeout", "1s"));

    /** A loopback port nothing listens on once closed: every state call is refused at once. */
    private static String nothingListening() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void strangersSeeTheOutageButNotWhatItOpens() {
        for (String authorization : new String[]{null, "Bearer not-the-admin", "Bearer " + ADMIN_KEY + "x"}) {
            APIGatewayV2HTTPResponse response = health(authorization);

            assertEquals(503, response.getStatusCode(), FUNCTION.text(response));
            JsonNode body = FUNCTION.json(response);
            assertEquals("unavailable", body.get("checks").get("state").getStringValue());
            JsonNode outage = body.get("state_outage");
            assertTrue(outage == null || outage.isNull(), FUNCTION.text(response));
        }
    }

    @Test
    void theAdminSeesSinceWhenAndWhatRequestsDoMeanwhile() {
        APIGatewayV2HTTPResponse response = health("Bearer " + ADMIN_KEY);

        assertEquals(503, response.getStatusCode(), FUNCTION.text(response));
        JsonNode outage = FUNCTION.json(response).get("state_outage");
        assertEquals("closed", outage.get("budgets").getStringValue(), FUNCTION.text(response));
        assertEquals("open", outage.get("rate_limits").getStringValue());
        assertTrue(outage.get("since").isString());
        assertNull(FUNCTION.json(response).get("error"));
    }

    private static APIGatewayV2HTTPResponse health(String authorization) {
        return FUNCTION.send("GET", "/health", authorization, null);
    }
}
