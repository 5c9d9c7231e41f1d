package dev.switchboard.observability;

import dev.switchboard.api.ChatCompletionRequest;
import dev.switchboard.api.CompleteRequest;
import dev.switchboard.api.CompleteResponse;
import dev.switchboard.api.NoProviderAvailableException;
import dev.switchboard.api.RoutingPreferences;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.service.RoutingTrace;
import dev.switchboard.testsupport.CoreFixture;
import dev.switchboard.testsupport.EmfDocuments;
import dev.switchboard.testsupport.LogLines;
import dev.switchboard.testsupport.ObservedLoggers;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a request leaves in the logs and the metrics, through the real services: one "request
 * completed" JSON line with its decision and the request id, the id on every other line logged for
 * it, one valid EMF document, and never the prompt.
 */
class RequestObservabilityTest {

    /** A prompt no log line or metric may ever show. */
    private static final String PROMPT = "my secret plan is canary-Zq81-prompt";

    @AfterEach
    void clearThisThreadsContext() {
        MDC.clear();
    }

    @Test
    void aRoutedRequestLogsItsDecisionOnceWithItsIdAndEmitsOneMetricDocument() {
        CoreFixture fixture = CoreFixture.builtInLineUp(1.0, 0, 0);
        fixture.metrics = new EmfMetricsSink(fixture.clock);
        RoutingTrace trace = new RoutingTrace();
        CompleteResponse response;
        List<String> lines;
        List<String> documents;
        try (LogLines logs = new LogLines(); ObservedLoggers observed = new ObservedLoggers()) {
            response = fixture.completions().complete(new CompleteRequest(PROMPT, 1000, false, null),
                    CoreFixture.ALICE, trace);
            lines = logs.jsonLines();
            documents = observed.emfDocuments();
        }

        String id = trace.requestId().orElseThrow();
        assertEquals(id, response.routingMetadata().requestId());
        List<JsonNode> parsed = lines.stream().map(EmfDocuments::parse).toList();
        List<JsonNode> completed = parsed.stream()
                .filter(line -> RequestObserver.MESSAGE.equals(line.get("message").getStringValue())).toList();
        assertEquals(1, completed.size(), lines.toString());
        JsonNode line = completed.get(0);
        assertEquals(id, line.get("request_id").getStringValue());
        assertEquals("INFO", line.get("level").getStringValue());
        assertEquals(RequestObserver.LOGGER, line.get("logger").getStringValue());
        assertEquals("complete", line.get("endpoint").getStringValue());
        assertEquals("ok", line.get("status").getStringValue());
        assertEquals("openai", line.get("provider").getStringValue());
        assertEquals("gpt-4o-mini", line.get("model").getStringValue());
        assertEquals(response.strategyUsed(), line.get("strategy_used").getStringValue());
        assertEquals(response.confidence(), line.get("confidence").getStringValue());
        assertEquals(1, line.get("fallbacks").getIntValue());
        assertFalse(line.get("cache_hit").getBooleanValue());
        assertEquals(response.cost(), line.get("cost_usd").getDoubleValue(), 1e-15);
        assertTrue(line.get("latency_ms").isNumber());
        assertTrue(line.get("ledgered").getBooleanValue());
        assertTrue(line.get("tokens_in").getIntValue() > 0);
        assertNull(line.get("cached_tokens_in"), "no prompt cache was read: the field is left out");
        assertNull(line.get("cache_write_tokens_in"));
        // The failed first attempt was logged by the resilience code, which knows nothing of requests.
        assertTrue(parsed.stream().anyMatch(l -> l.get("message").getStringValue().startsWith("provider call failed")
                && id.equals(l.get("request_id").getStringValue())), lines.toString());
        assertTrue(parsed.stream().allMatch(l -> id.equals(l.get("request_id").getStringValue())), lines.toString());

        assertEquals(1, documents.size(), documents.toString());
        JsonNode doc = EmfDocuments.assertValid(documents.get(0));
        assertEquals(1, doc.get("Fallbacks").getIntValue());
        assertEquals(line.get("tokens_in").getIntValue(), doc.get("TokensIn").getIntValue());
        assertEquals(0, doc.get("CachedTokensIn").getIntValue());
        assertEquals("openai", doc.get("provider").getStringValue());
        assertEquals(id, doc.get("request_id").getStringValue());
        assertNoPrompt(lines, documents);
    }

    @Test
    void aStreamedRequestLogsItsDecisionToo() {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);
        fixture.metrics = new EmfMetricsSink(fixture.clock);
        RoutingTrace trace = new RoutingTrace();
        ChatCompletionRequest request = new ChatCompletionRequest(null, List.of(ChatMessage.user(PROMPT)), 1000, null,
                List.of(), true, false, false, RoutingPreferences.NONE);
        List<String> lines;
        List<String> documents;
        try (LogLines logs = new LogLines(); ObservedLoggers observed = new ObservedLoggers()) {
            fixture.chatCompletions().stream(request, CoreFixture.ALICE, trace, chunk -> { });
            lines = logs.jsonLines();
            documents = observed.emfDocuments();
        }

        JsonNode line = completedLine(lines);
        assertEquals(trace.requestId().orElseThrow(), line.get("request_id").getStringValue());
        assertEquals("chat.completions", line.get("endpoint").getStringValue());
        assertEquals(trace.routed().orElseThrow().provider(), line.get("provider").getStringValue());
        assertEquals(0, line.get("first_chunk_ms").getIntValue(), "the fixture's clock stands still");
        assertEquals(2, documents.size(), "the request's, then its first chunk's");
        EmfDocuments.assertValid(documents.get(0));
        assertEquals(0, EmfDocuments.assertValid(documents.get(1)).get("FirstChunkMs").getIntValue());
        assertNoPrompt(lines, documents);
    }

    @Test
    void aRequestNobodyAnsweredIsLoggedAndCountedAsAnError() {
        CoreFixture fixture = CoreFixture.builtInLineUp(1.0, 1.0, 1.0);
        fixture.metrics = new EmfMetricsSink(fixture.clock);
        List<String> lines;
        List<String> documents;
        try (LogLines logs = new LogLines(); ObservedLoggers observed = new ObservedLoggers()) {
            assertThrows(NoProviderAvailableException.class, () -> fixture.completions()
                    .complete(new CompleteRequest(PROMPT, 1000, false, null), CoreFixture.ALICE));
            lines = logs.jsonLines();
            documents = observed.emfDocuments();
        }

        JsonNode line = completedLine(lines);
        assertEquals("error", line.get("status").getStringValue());
        assertEquals("no_provider_available", line.get("error_type").getStringValue());
        assertEquals(4, line.get("fallbacks").getIntValue());
        JsonNode doc = EmfDocuments.assertValid(documents.get(0));
        assertEquals(1, doc.get("Errors").getIntValue());
        assertNoPrompt(lines, documents);
    }

    @Test
    void aFailingMetricsSinkNeverFailsTheRequest() {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);
        fixture.metrics = new MetricsSink() {
            @Override
            public void requestCompleted(CompletedRequest request) {
                throw new IllegalStateException("sink down");
            }

            @Override
            public void circuitChanged(String provider, String model, boolean open) {
            }

            @Override
            public void deploymentProbed(String provider, String model, boolean healthy, long latencyMs) {
            }
        };
        try (LogLines logs = new LogLines()) {
            CompleteResponse response = fixture.completions().complete(new CompleteRequest("hi", 1000, false, null),
                    CoreFixture.ALICE);

            assertNotNull(response.response());
            assertTrue(logs.at("WARN").stream().anyMatch(l -> l.contains("observing request")), logs.lines().toString());
        }
    }

    private static JsonNode completedLine(List<String> lines) {
        List<JsonNode> completed = lines.stream().map(EmfDocuments::parse)
                .filter(line -> RequestObserver.MESSAGE.equals(line.get("message").getStringValue())).toList();
        assertEquals(1, completed.size(), lines.toString());
        return completed.get(0);
    }

    private static void assertNoPrompt(List<String> lines, List<String> documents) {
        assertFalse(lines.isEmpty());
        for (String text : List.of(String.join("\n", lines), String.join("\n", documents))) {
            assertFalse(text.contains("canary-Zq81"), text);
        }
    }
}
