package dev.switchboard.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.switchboard.testsupport.EmfDocuments;
import io.micronaut.json.tree.JsonNode;
import dev.switchboard.config.ConfigurationError;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmfMetricsSinkTest {

    private static final Instant AT = Instant.parse("2026-11-29T01:00:00Z");

    private final Logger logger = new LoggerContext().getLogger(EmfMetricsSink.LOGGER);
    private final ListAppender<ILoggingEvent> out = new ListAppender<>();
    private final EmfMetricsSink sink = new EmfMetricsSink(logger, Clock.fixed(AT, ZoneOffset.UTC), MetricsNamespace.DEFAULT);

    EmfMetricsSinkTest() {
        out.start();
        logger.addAppender(out);
    }

    static CompletedRequest answered() {
        return new CompletedRequest("req-1", "complete", "ok", null, "gemini", "gemini-1.5-flash", "economy",
                "complexity", "medium", 0.12, 1, false, 6.3975e-05, true, 120, 213, 100, 8, 42, "alice", true);
    }

    @Test
    void anAnsweredRequestIsOneValidDocumentByEndpointProviderAndModel() {
        sink.requestCompleted(answered());

        JsonNode doc = EmfDocuments.assertValid(only());
        JsonNode directive = doc.get("_aws").get("CloudWatchMetrics").get(0);
        assertEquals(AT.toEpochMilli(), doc.get("_aws").get("Timestamp").getLongValue());
        assertEquals("Switchboard", directive.get("Namespace").getStringValue());
        assertEquals("[[\"endpoint\"],[\"provider\"],[\"provider\",\"model\"]]", render(directive.get("Dimensions")));
        assertEquals(List.of("Requests", "Errors", "Refused", "CostUsd", "LatencyMs", "Fallbacks", "CacheHits",
                "TokensIn", "TokensOut", "CachedTokensIn", "CacheWriteTokensIn"), names(directive.get("Metrics")));
        assertEquals(1, doc.get("Requests").getIntValue());
        assertEquals(120, doc.get("TokensIn").getIntValue());
        assertEquals(213, doc.get("TokensOut").getIntValue());
        assertEquals(100, doc.get("CachedTokensIn").getIntValue());
        assertEquals(8, doc.get("CacheWriteTokensIn").getIntValue());
        assertEquals(0, doc.get("Errors").getIntValue());
        assertEquals(6.3975e-05, doc.get("CostUsd").getDoubleValue());
        assertEquals(42, doc.get("LatencyMs").getIntValue());
        assertEquals(1, doc.get("Fallbacks").getIntValue());
        assertEquals(0, doc.get("CacheHits").getIntValue());
        assertEquals("req-1", doc.get("request_id").getStringValue());
        assertEquals("gemini-1.5-flash", doc.get("model").getStringValue());
    }

    @Test
    void aStreamThatSentAChunkAddsItsTimeToFirstChunkInADocumentOfItsOwn() {
        sink.requestCompleted(new CompletedRequest("req-7", "chat.completions", "ok", null, "anthropic",
                "claude-3-5-haiku-20241022", "standard", "complexity", "medium", 0.3, 0, false, 1e-4, true, 20, 90,
                0, 0, 1_800, "alice", true, 240L));

        assertEquals(2, out.list.size(), "the request's document, then the first chunk's");
        JsonNode first = EmfDocuments.assertValid(out.list.get(1).getFormattedMessage());
        JsonNode directive = first.get("_aws").get("CloudWatchMetrics").get(0);
        assertEquals(List.of("FirstChunkMs"), names(directive.get("Metrics")));
        assertEquals("[[\"endpoint\"],[\"provider\"],[\"provider\",\"model\"]]", render(directive.get("Dimensions")));
        assertEquals(240, first.get("FirstChunkMs").getIntValue());
        assertEquals("chat.completions", first.get("endpoint").getStringValue());

        out.list.clear();
        sink.requestCompleted(answered());
        assertEquals(1, out.list.size(), "a whole answer has no first chunk to time");
    }

    @Test
    void anAnswerWithoutAPriceCarriesNoCost() {
        sink.requestCompleted(new CompletedRequest("req-3", "complete", "ok", null, "local", "mystery-model",
                "economy", "complexity", "medium", 0.12, 0, false, 0, false, 1, 213, 0, 0, 42, "alice", true));

        JsonNode doc = EmfDocuments.assertValid(only());
        assertEquals(List.of("Requests", "Errors", "Refused", "LatencyMs", "Fallbacks", "CacheHits", "TokensIn",
                "TokensOut", "CachedTokensIn", "CacheWriteTokensIn"),
                names(doc.get("_aws").get("CloudWatchMetrics").get(0).get("Metrics")));
        assertNull(doc.get("CostUsd"), "an unknown cost is left out, not sent as $0");
        assertEquals(213, doc.get("TokensOut").getIntValue(), "its tokens are known even where its price is not");
        assertEquals(1, doc.get("Requests").getIntValue());
    }

    @Test
    void aCacheHitCountsByEndpointOnlySoThatItsProviderKeepsItsOwnLatencyAndCost() {
        sink.requestCompleted(new CompletedRequest("req-4", "complete", "ok", null, "anthropic",
                "claude-3-5-haiku-20241022", "standard", "complexity", "medium", 0.2, 0, true, 0, true, 12, 80, 0, 0, 3,
                "alice", true));

        JsonNode doc = EmfDocuments.assertValid(only());
        assertEquals("[[\"endpoint\"]]", render(doc.get("_aws").get("CloudWatchMetrics").get(0).get("Dimensions")));
        assertEquals(1, doc.get("CacheHits").getIntValue());
        assertEquals(3, doc.get("LatencyMs").getIntValue());
        assertNull(doc.get("provider"), "a hit called no provider");
        assertNull(doc.get("model"));
        assertNull(doc.get("TokensIn"), "nor used any provider's tokens");
    }

    @Test
    void aSpentBudgetOrAKeysOwnRateLimitIsCountedAsRefusedNotAsAnError() {
        for (String refusal : new String[]{"budget_exceeded", "rate_limited"}) {
            sink.requestCompleted(new CompletedRequest("req-5", "complete", "error", refusal, null, null, null,
                    "complexity", "low", 0.1, 0, false, 0, true, 10, 0, 0, 0, 2, "bob", true));
        }
        for (String error : new String[]{"state_unavailable", "capacity_exhausted", "request_exceeds_limit",
                "context_length_exceeded"}) {
            sink.requestCompleted(new CompletedRequest("req-6", "complete", "error", error, null, null, null,
                    "complexity", "low", 0.1, 0, false, 0, true, 10, 0, 0, 0, 2, "bob", true));
        }

        for (int i = 0; i < 2; i++) {
            JsonNode refused = EmfDocuments.assertValid(out.list.get(i).getFormattedMessage());
            assertEquals(1, refused.get("Refused").getIntValue(), "a budget or a key's limit doing its job");
            assertEquals(0, refused.get("Errors").getIntValue());
        }
        for (int i = 2; i < 6; i++) {
            JsonNode doc = EmfDocuments.assertValid(out.list.get(i).getFormattedMessage());
            assertEquals(1, doc.get("Errors").getIntValue(),
                    "an outage, every deployment's window full, or a request nothing could take");
            assertEquals(0, doc.get("Refused").getIntValue());
        }
    }

    @Test
    void aRequestNobodyAnsweredCountsAsAnErrorByEndpointOnly() {
        sink.requestCompleted(new CompletedRequest("req-2", "chat.completions", "error", "no_provider_available",
                null, null, null, "complexity", "high", 0.5, 2, false, 0, true, 10, 0, 0, 0, 7, "bob", false));

        JsonNode doc = EmfDocuments.assertValid(only());
        assertEquals("[[\"endpoint\"]]", render(doc.get("_aws").get("CloudWatchMetrics").get(0).get("Dimensions")));
        assertEquals(1, doc.get("Errors").getIntValue());
        assertNull(doc.get("provider"));
        assertNull(doc.get("TokensIn"));
    }

    @Test
    void aBreakerChangeIsACircuitOpenGaugeByProviderAndModel() {
        sink.circuitChanged("openai", "gpt-4o", true);
        sink.circuitChanged("openai", "gpt-4o", false);

        JsonNode opened = EmfDocuments.assertValid(out.list.get(0).getFormattedMessage());
        JsonNode closed = EmfDocuments.assertValid(out.list.get(1).getFormattedMessage());
        assertEquals(1, opened.get("CircuitOpen").getIntValue());
        assertEquals(0, closed.get("CircuitOpen").getIntValue());
        assertEquals("[[\"provider\"],[\"provider\",\"model\"]]",
                render(opened.get("_aws").get("CloudWatchMetrics").get(0).get("Dimensions")));
    }

    @Test
    void aProbedDeploymentIsItsHealthAndLatency() {
        sink.deploymentProbed("anthropic", "claude-3-5-haiku-20241022", false, 5000);

        JsonNode doc = EmfDocuments.assertValid(only());
        assertEquals(0, doc.get("ProbeHealthy").getIntValue());
        assertEquals(5000, doc.get("ProbeLatencyMs").getIntValue());
    }

    @Test
    void namesAreEscapedAndUnknownModelsLeaveTheirSetOut() {
        sink.circuitChanged("we\"ird", null, true);

        JsonNode doc = EmfDocuments.assertValid(only());
        assertEquals("we\"ird", doc.get("provider").getStringValue());
        assertEquals("[[\"provider\"]]", render(doc.get("_aws").get("CloudWatchMetrics").get(0).get("Dimensions")));
    }

    @Test
    void withTheLoggerOffNothingIsWritten() {
        logger.setLevel(Level.OFF);

        sink.requestCompleted(answered());
        sink.circuitChanged("openai", "gpt-4o", true);

        assertTrue(out.list.isEmpty());
    }

    @Test
    void everyDocumentGoesToTheConfiguredNamespace() {
        EmfMetricsSink staging = new EmfMetricsSink(logger, Clock.fixed(AT, ZoneOffset.UTC),
                new MetricsNamespace("Switchboard/staging"));

        staging.requestCompleted(answered());
        staging.requestCompleted(new CompletedRequest("req-2", "chat.completions", "error", "no_provider_available",
                null, null, null, "complexity", "low", 0.1, 0, false, 0, false, 0, 0, 0, 0, 7, "bob", true));
        staging.circuitChanged("openai", "gpt-4o", true);
        staging.deploymentProbed("openai", "gpt-4o", true, 120);

        assertEquals(4, out.list.size());
        for (ILoggingEvent line : out.list) {
            JsonNode directive = EmfDocuments.assertValid(line.getFormattedMessage()).get("_aws")
                    .get("CloudWatchMetrics").get(0);
            assertEquals("Switchboard/staging", directive.get("Namespace").getStringValue());
        }
    }

    @Test
    void aNamespaceCloudWatchWouldRefuseStopsTheStartNamingTheVariable() {
        for (String refused : new String[]{"", " ", "AWS/Lambda", "Switch\"board", "x".repeat(256), "Zürich"}) {
            ConfigurationError e = assertThrows(ConfigurationError.class, () -> new MetricsNamespace(refused), refused);
            assertTrue(e.getMessage().startsWith("SWITCHBOARD_METRICS_NAMESPACE (switchboard.metrics-namespace)"),
                    e.getMessage());
        }
        assertEquals("Switchboard/prod", new MetricsNamespace("Switchboard/prod").value());
    }

    @Test
    void aDocumentHoldsNoPrincipal() {
        sink.requestCompleted(answered());

        assertFalse(only().contains("alice"), "principals are no metric dimension");
    }

    private String only() {
        assertEquals(1, out.list.size());
        return out.list.get(0).getFormattedMessage();
    }

    private static List<String> names(JsonNode metrics) {
        List<String> names = new ArrayList<>();
        metrics.values().forEach(metric -> names.add(metric.get("Name").getStringValue()));
        return names;
    }

    private static String render(JsonNode sets) {
        StringBuilder text = new StringBuilder("[");
        for (JsonNode set : sets.values()) {
            text.append(text.length() > 1 ? ",[" : "[");
            int i = 0;
            for (JsonNode name : set.values()) {
                text.append(i++ > 0 ? "," : "").append('"').append(name.getStringValue()).append('"');
            }
            text.append(']');
        }
        return text.append(']').toString();
    }
}
