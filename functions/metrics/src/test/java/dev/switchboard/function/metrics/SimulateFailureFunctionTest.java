package dev.switchboard.function.metrics;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.switchboard.function.HttpFunctionUnderTest;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** POST /simulate/failure through the metrics function's Lambda handler, with an admin key set. */
class SimulateFailureFunctionTest {

    private static final String ADMIN = "Bearer admin-simulate-5Rt8";

    @RegisterExtension
    static final HttpFunctionUnderTest FUNCTION = new HttpFunctionUnderTest("metrics",
            Map.of("switchboard.admin-key", ADMIN.substring("Bearer ".length())));

    @Test
    void theAdminMarksAProviderDownAndIsToldWhatAndUntilWhen() {
        APIGatewayV2HTTPResponse response = send(ADMIN, "{\"provider\": \"anthropic\", \"duration_seconds\": 90}");

        assertEquals(202, response.getStatusCode(), FUNCTION.text(response));
        JsonNode body = FUNCTION.json(response);
        assertEquals("anthropic", body.get("provider").getStringValue());
        assertEquals(2, body.get("deployments").size());
        assertEquals("anthropic/claude-3-5-haiku-20241022", body.get("deployments").get(0).getStringValue());
        assertEquals("OPEN", body.get("circuit_state").getStringValue());
        assertEquals("simulated", body.get("source").getStringValue());
        assertEquals(Duration.ofSeconds(90), Duration.between(Instant.parse(body.get("from").getStringValue()),
                Instant.parse(body.get("until").getStringValue())));

        JsonNode providers = FUNCTION.json(FUNCTION.send("GET", "/providers", ADMIN, null));
        assertEquals("OPEN", localCircuitOf(providers, "anthropic", "claude-3-5-haiku-20241022"),
                "this instance holds it open at once: " + providers);
    }

    @Test
    void aVirtualKeyIs403() {
        String key = FUNCTION.json(FUNCTION.send("POST", "/keys", ADMIN,
                "{\"user\": \"erin\"}")).get("key").getStringValue();

        APIGatewayV2HTTPResponse response = send("Bearer " + key, "{\"provider\": \"openai\", \"duration_seconds\": 5}");

        assertEquals(403, response.getStatusCode(), FUNCTION.text(response));
        assertEquals("forbidden", FUNCTION.json(response).get("error").get("type").getStringValue());
    }

    @TestFactory
    Stream<DynamicTest> aBadBodyIs400OrAnUnknownNameIs404NamingTheField() {
        String[][] cases = {
                {"no provider", "{\"duration_seconds\": 5}", "400", "provider"},
                {"provider not a string", "{\"provider\": 1, \"duration_seconds\": 5}", "400", "provider"},
                {"no duration", "{\"provider\": \"openai\"}", "400", "duration_seconds"},
                {"zero seconds", "{\"provider\": \"openai\", \"duration_seconds\": 0}", "400", "duration_seconds"},
                {"over an hour", "{\"provider\": \"openai\", \"duration_seconds\": 3601}", "400", "duration_seconds"},
                {"fractional", "{\"provider\": \"openai\", \"duration_seconds\": 1.5}", "400", "duration_seconds"},
                {"as a string", "{\"provider\": \"openai\", \"duration_seconds\": \"60\"}", "400", "duration_seconds"},
                {"blank model", "{\"provider\": \"openai\", \"model\": \" \", \"duration_seconds\": 5}", "400", "model"},
                {"unknown field", "{\"provider\": \"openai\", \"duration_seconds\": 5, \"rate\": 1}", "400", "rate"},
                {"unknown provider", "{\"provider\": \"nobody\", \"duration_seconds\": 5}", "404", "provider"},
                {"unknown model", "{\"provider\": \"openai\", \"model\": \"gpt-9\", \"duration_seconds\": 5}", "404",
                        "model"}};
        return Stream.of(cases).map(c -> DynamicTest.dynamicTest(c[0], () -> {
            APIGatewayV2HTTPResponse response = send(ADMIN, c[1]);

            assertEquals(Integer.parseInt(c[2]), response.getStatusCode(), FUNCTION.text(response));
            assertEquals(c[3], FUNCTION.json(response).get("error").get("field").getStringValue());
        }));
    }

    private static String localCircuitOf(JsonNode providers, String provider, String model) {
        for (JsonNode p : providers.get("providers").values()) {
            if (p.get("name").getStringValue().equals(provider)) {
                for (JsonNode d : p.get("deployments").values()) {
                    if (d.get("model").getStringValue().equals(model)) {
                        return d.get("local_circuit").getStringValue();
                    }
                }
            }
        }
        return null;
    }

    private static APIGatewayV2HTTPResponse send(String authorization, String body) {
        return FUNCTION.send("POST", "/simulate/failure", authorization, body);
    }
}
