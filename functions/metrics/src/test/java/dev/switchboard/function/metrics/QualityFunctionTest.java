package dev.switchboard.function.metrics;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.switchboard.function.HttpFunctionUnderTest;
import dev.switchboard.ledger.FeedbackEntry;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.ledger.RequestLedger;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /quality/stats and /insights through the metrics function's Lambda handler, over rows put in its ledger. */
class QualityFunctionTest {

    @RegisterExtension
    static final HttpFunctionUnderTest FUNCTION = new HttpFunctionUnderTest("metrics");

    @BeforeAll
    static void ledgerRows() {
        RequestLedger ledger = FUNCTION.bean(RequestLedger.class);
        Instant at = Instant.now().minusSeconds(60);
        ledger.append(row("r-1", at, "gemini", "gemini-1.5-flash", "economy", "0.00001", "gemini/gemini-1.5-flash",
                false));
        ledger.append(row("r-2", at, "openai", "gpt-4o", "premium", "0.001", "openai/gpt-4o", false));
        ledger.append(row("r-3", at, "gemini", "gemini-1.5-flash", "economy", "0.00001", "openai/gpt-4o", true));
        ledger.appendFeedback(new FeedbackEntry("f-1", "r-1", at, "anonymous", 5, null, null, null));
        ledger.appendFeedback(new FeedbackEntry("f-2", "r-2", at, "anonymous", 4, 0.5, null, null));
    }

    private static LedgerEntry row(String id, Instant at, String provider, String model, String tier, String cost,
                                   String firstChoice, boolean fallback) {
        return new LedgerEntry(id, at, "anonymous", "complete", "complexity", "medium", "general", 0.2, provider,
                model, 10, 40, new BigDecimal(cost), new BigDecimal("0.001"), true, 100, false, fallback,
                fallback ? 2 : 1, LedgerEntry.OK, null, tier, firstChoice, null);
    }

    @Test
    void reportsFeedbackOverallPerDeploymentAndPerStrategy() {
        APIGatewayV2HTTPResponse response = FUNCTION.handle("events/quality-stats.json");

        assertEquals(200, response.getStatusCode(), FUNCTION.text(response));
        JsonNode body = FUNCTION.json(response);
        assertEquals(7, body.get("period_days").getIntValue());
        assertEquals(2, body.get("feedback").getLongValue());
        assertEquals(4.5, body.get("avg_rating").getDoubleValue(), 1e-9);
        assertEquals(0.5, body.get("avg_quality_score").getDoubleValue(), 1e-9);
        assertEquals(2, body.get("by_provider").size());
        assertEquals("complexity", body.get("by_strategy").get(0).get("strategy").getStringValue());
        assertTrue(body.get("by_provider").get(0).get("avg_quality_score").isNull()
                || body.get("by_provider").get(1).get("avg_quality_score").isNull(), body.toString());
    }

    @Test
    void reportsFactsWithTheirNumbers() {
        APIGatewayV2HTTPResponse response = FUNCTION.handle("events/insights.json");

        assertEquals(200, response.getStatusCode(), FUNCTION.text(response));
        JsonNode body = FUNCTION.json(response);
        assertTrue(body.get("cheapest_well_rated").isNull(), "one rated request is no finding: " + body);
        assertEquals(3, body.get("economy_share").get("routed_requests").getLongValue());
        assertEquals(2, body.get("economy_share").get("economy_requests").getLongValue());
        assertEquals("openai/gpt-4o", body.get("top_fallback_cause").get("deployment").getStringValue());
        assertEquals(0.0, body.get("cache_hit_rate").get("hit_rate").getDoubleValue(), 1e-9);
        assertTrue(body.get("economy_share").get("finding").getStringValue().startsWith("2 of 3"));
    }

    @Test
    void refusesBadDaysNamingTheParameter() {
        APIGatewayV2HTTPResponse quality = FUNCTION.handle("events/quality-stats-bad-days.json");
        APIGatewayV2HTTPResponse insights = FUNCTION.handle("events/insights-bad-days.json");

        assertEquals(400, quality.getStatusCode(), FUNCTION.text(quality));
        assertEquals("days", FUNCTION.json(quality).get("error").get("field").getStringValue());
        assertEquals(400, insights.getStatusCode(), FUNCTION.text(insights));
        assertEquals("days", FUNCTION.json(insights).get("error").get("field").getStringValue());
    }
}
