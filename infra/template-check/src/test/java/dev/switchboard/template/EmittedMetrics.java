package dev.switchboard.template;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.switchboard.observability.CompletedRequest;
import dev.switchboard.observability.EmfMetricsSink;
import dev.switchboard.service.ChatCompletionService;
import dev.switchboard.service.CompletionService;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The metrics the code writes, read from real EMF documents of {@link EmfMetricsSink}: for an answered
 * request, one nobody answered, a breaker change and a probe result. What the template's alarms and
 * dashboard read must be among them.
 */
final class EmittedMetrics {

    /** The routed endpoints, by the names the code gives them in the metrics' {@code endpoint} dimension. */
    static final Set<String> ENDPOINTS = Set.of(CompletionService.ENDPOINT, ChatCompletionService.ENDPOINT);

    private EmittedMetrics() {
    }

    /** Each metric name with its dimension sets (names sorted, joined with commas; "" for none). */
    static Map<String, Set<String>> dimensionSets() {
        Logger logger = (Logger) LoggerFactory.getLogger(EmfMetricsSink.LOGGER);
        Level level = logger.getLevel();
        ListAppender<ILoggingEvent> documents = new ListAppender<>();
        documents.start();
        logger.addAppender(documents);
        logger.setLevel(Level.INFO);
        try {
            EmfMetricsSink sink = new EmfMetricsSink(Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC));
            sink.requestCompleted(new CompletedRequest("r1", CompletionService.ENDPOINT, "ok", null, "openai",
                    "gpt-4o-mini", "economy", "complexity", "low", 0.1, 0, false, 0.0001, true, 10, 20, 0, 0, 30,
                    "alice", true));
            sink.requestCompleted(new CompletedRequest("r2", ChatCompletionService.ENDPOINT, "error",
                    "no_provider_available", null, null, null, "complexity", "low", 0.1, 0, false, 0, true, 10, 0, 0, 0,
                    30, "alice", true));
            sink.circuitChanged("openai", "gpt-4o-mini", true);
            sink.deploymentProbed("openai", "gpt-4o-mini", true, 120);
        } finally {
            logger.detachAppender(documents);
            logger.setLevel(level);
        }
        if (documents.list.size() != 4) {
            throw new IllegalStateException("one document per event, got " + documents.list.size());
        }
        JsonMapper json = JsonMapper.createDefault();
        Map<String, Set<String>> emitted = new HashMap<>();
        for (ILoggingEvent document : documents.list) {
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
