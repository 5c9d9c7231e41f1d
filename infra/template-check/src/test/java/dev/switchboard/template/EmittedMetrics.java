package dev.switchboard.template;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.switchboard.observability.CompletedRequest;
import dev.switchboard.observability.EmfMetricsSink;
import dev.switchboard.service.ChatCompletionService;
import dev.switchboard.service.CompletionService;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The metrics the code writes, read from real EMF documents of {@link EmfMetricsSink}: for an answered
 * request, one nobody answered, a breaker change and a probe result. What the template's alarms and
 * dashboard read must be among them.
 */
final class EmittedMetrics {

    /** The routed endpoints, by the names the code gives them in the metrics' {@code endpoint} dimension. */
    static final Set<String> ENDPOINTS = Set.of(CompletionService.ENDPOINT, ChatCompletionService.ENDPOINT);

    /** What a query id's first part says it reads (errcomplete: Errors), for the template's ids. */
    private static final Map<String, String> ID_METRICS = Map.of("err", "Errors", "req", "Requests", "ref", "Refused",
            "cost", "CostUsd");
    /** What a query id's last part says it reads (errchat: the chat completions). */
    private static final Map<String, String> ID_ENDPOINTS = Map.of("complete", CompletionService.ENDPOINT,
            "chat", ChatCompletionService.ENDPOINT);

    private EmittedMetrics() {
    }

    /** A metric the code writes: {@code name} with a dimension set of exactly {@code dimensions}. */
    static void assertWritten(Map<String, Set<String>> emitted, String name, Set<String> dimensions) {
        assertTrue(emitted.getOrDefault(name, Set.of()).contains(String.join(",", new TreeSet<>(dimensions))),
                name + " by " + dimensions + " is not a metric the code writes: " + emitted);
    }

    /**
     * A query id of Switchboard's metrics names the metric and the endpoint it reads (reqchat: Requests of the
     * chat completions), so that a graph or an alarm that adds them up adds what its ids say.
     */
    static void assertIdNames(String id, String metric, String endpoint) {
        String prefix = ID_METRICS.keySet().stream().filter(id::startsWith).findFirst().orElse(null);
        assertNotNull(prefix, id + ": its first part names no metric " + ID_METRICS);
        assertEquals(ID_METRICS.get(prefix), metric, id);
        assertEquals(ID_ENDPOINTS.get(id.substring(prefix.length())), endpoint, id);
        assertEquals(ENDPOINTS, Set.copyOf(ID_ENDPOINTS.values()));
    }

    /** Each metric name with its dimension sets (names sorted, joined with commas; "" for none). */
    static Map<String, Set<String>> dimensionSets() {
        List<ILoggingEvent> documents = LoggedEvents.of(EmfMetricsSink.LOGGER, () -> {
            EmfMetricsSink sink = new EmfMetricsSink(Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC));
            sink.requestCompleted(new CompletedRequest("r1", CompletionService.ENDPOINT, "ok", null, "openai",
                    "gpt-4o-mini", "economy", "complexity", "low", 0.1, 0, false, 0.0001, true, 10, 20, 0, 0, 30,
                    "alice", true));
            sink.requestCompleted(new CompletedRequest("r2", ChatCompletionService.ENDPOINT, "error",
                    "no_provider_available", null, null, null, "complexity", "low", 0.1, 0, false, 0, true, 10, 0, 0, 0,
                    30, "alice", true));
            sink.circuitChanged("openai", "gpt-4o-mini", true);
            sink.deploymentProbed("openai", "gpt-4o-mini", true, 120);
        });
        if (documents.size() != 4) {
            throw new IllegalStateException("one document per event, got " + documents.size());
        }
        JsonMapper json = JsonMapper.createDefault();
        Map<String, Set<String>> emitted = new HashMap<>();
        for (ILoggingEvent document : documents) {
            JsonNode directive = parse(json, document.getFormattedMessage()).get("_aws").get("CloudWatchMetrics").get(0);
            for (JsonNode metric : directive.get("Metrics").values()) {
                for (JsonNode set : directive.get("Dimensions").values()) {
                    Set<String> names = new TreeSet<>();
                    set.values().forEach(name -> names.add(name.getStringValue()));
                    emitted.computeIfAbsent(metric.get("Name").getStringValue(), k -> new HashSet<>())
                            .add(String.join(",", names));
                }
            }
        }
        return emitted;
    }

    private static JsonNode parse(JsonMapper json, String text) {
        try {
            return json.readValue(text, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
