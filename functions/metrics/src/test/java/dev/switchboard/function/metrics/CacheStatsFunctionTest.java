package dev.switchboard.function.metrics;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.switchboard.function.HttpFunctionUnderTest;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /cache/stats through the metrics function's Lambda handler (payload 2.0 events). */
class CacheStatsFunctionTest {

    @RegisterExtension
    static final HttpFunctionUnderTest FUNCTION = new HttpFunctionUnderTest("metrics");

    @Test
    void reportsTheCacheOverThePeriodAskedWithItsSettings() {
        APIGatewayV2HTTPResponse response = FUNCTION.handle("events/cache-stats.json");

        assertEquals(200, response.getStatusCode(), FUNCTION.text(response));
        JsonNode body = FUNCTION.json(response);
        assertEquals(7, body.get("period_days").getIntValue());
        assertEquals(0, body.get("hits").getLongValue());
        assertEquals(0, body.get("misses").getLongValue());
        assertEquals(0, body.get("bypassed").getLongValue());
        assertEquals(0.0, body.get("baseline_cost_avoided_usd").getDoubleValue());
        assertTrue(body.get("enabled").getBooleanValue());
        assertEquals(3600, body.get("ttl_seconds").getLongValue());
        assertNotNull(body.get("hit_rate"), "hit_rate is present, as null, when nothing was asked: " + body);
        assertTrue(body.get("hit_rate").isNull());
    }

    @Test
    void coversOneDayByDefault() {
        APIGatewayV2HTTPResponse response = FUNCTION.handle("events/cache-stats-default.json");

        assertEquals(200, response.getStatusCode(), FUNCTION.text(response));
        assertEquals(1, FUNCTION.json(response).get("period_days").getIntValue());
    }

    @Test
    void refusesDaysOutOfRangeNamingTheParameter() {
        APIGatewayV2HTTPResponse response = FUNCTION.handle("events/cache-stats-bad-days.json");

        assertEquals(400, response.getStatusCode(), FUNCTION.text(response));
        assertEquals("days", FUNCTION.json(response).get("error").get("field").getStringValue());
    }
}
