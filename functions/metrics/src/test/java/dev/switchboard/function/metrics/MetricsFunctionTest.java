package dev.switchboard.function.metrics;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.json.tree.JsonNode;
import dev.switchboard.function.HttpFunctionUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The metrics function's Lambda handler, fed API Gateway HTTP API (payload 2.0) events. */
class MetricsFunctionTest {

    @RegisterExtension
    static final HttpFunctionUnderTest FUNCTION = new HttpFunctionUnderTest("metrics");

    @Test
    void reportsRoutingMetricsForThePeriodAsked() {
        APIGatewayV2HTTPResponse response = FUNCTION.handle("events/routing-metrics.json");

        assertEquals(200, response.getStatusCode(), FUNCTION.text(response));
        JsonNode savings = FUNCTION.json(response).get("cost_savings");
        assertEquals(30, savings.get("period_days").getIntValue());
        assertEquals(0.0, savings.get("intelligent_cost").getDoubleValue());
        assertEquals(0, FUNCTION.json(response).get("by_strategy").size());
    }

    @Test
    void refusesANonNumericDaysNamingTheParameter() {
        APIGatewayV2HTTPResponse response = FUNCTION.handle("events/routing-metrics-bad-days.json");

        assertEquals(400, response.getStatusCode(), FUNCTION.text(response));
        assertEquals("days", FUNCTION.json(response).get("error").get("field").getStringValue());
    }

    @Test
    void refusesAParameterTheRouteDoesNotTakeOrAnEmptyDaysRatherThanAnsweringForTheDefaultPeriod() {
        APIGatewayV2HTTPResponse misspelt = FUNCTION.handle("events/stats-misspelt-days.json");
        assertEquals(400, misspelt.getStatusCode(), FUNCTION.text(misspelt));
        assertEquals("day", FUNCTION.json(misspelt).get("error").get("field").getStringValue());
        assertTrue(FUNCTION.text(misspelt).contains("it takes days"), FUNCTION.text(misspelt));

        APIGatewayV2HTTPResponse empty = FUNCTION.handle("events/insights-empty-days.json");
        assertEquals(400, empty.getStatusCode(), FUNCTION.text(empty));
        assertEquals("days", FUNCTION.json(empty).get("error").get("field").getStringValue());
    }

    @Test
    void listsEveryDeploymentWithItsCircuitsAndLatencyNullWhileNothingIsKnown() {
        APIGatewayV2HTTPResponse response = FUNCTION.handle("events/providers.json");

        assertEquals(200, response.getStatusCode(), FUNCTION.text(response));
        JsonNode providers = FUNCTION.json(response).get("providers");
        assertEquals(3, providers.size());
        JsonNode deployment = providers.get(1).get("deployments").get(0);
        assertEquals("gpt-4o-mini", deployment.get("model").getStringValue());
        assertEquals("CLOSED", deployment.get("local_circuit").getStringValue());
        for (String unknown : new String[] {"circuit", "ema_latency_ms", "p50_latency_ms", "p95_latency_ms",
                "p99_latency_ms", "success_rate"}) {
            assertTrue(deployment.get(unknown) != null && deployment.get(unknown).isNull(),
                    unknown + " is present and null: " + FUNCTION.text(response));
        }
    }

    @Test
    void reportsHealthyWhenLedgerAndStateAnswer() {
        APIGatewayV2HTTPResponse response = FUNCTION.handle("events/health.json");

        assertEquals(200, response.getStatusCode(), FUNCTION.text(response));
        JsonNode body = FUNCTION.json(response);
        assertEquals("ok", body.get("status").getStringValue());
        assertEquals("ok", body.get("checks").get("state").getStringValue());
        assertEquals(3, body.get("providers_configured").getIntValue());
    }
}
