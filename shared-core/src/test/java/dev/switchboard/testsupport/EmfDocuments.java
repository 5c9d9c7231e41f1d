package dev.switchboard.testsupport;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks a CloudWatch Embedded Metric Format document the way CloudWatch reads one: an {@code _aws}
 * object with a numeric Timestamp and directives, each naming a namespace, dimension sets whose
 * every name is a string value at the top level, and metrics (name, known unit) whose every name is
 * a numeric value at the top level.
 */
public final class EmfDocuments {

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes",
            "Kilobytes", "Megabytes", "Bits", "Percent", "Count", "Count/Second", "None");

    private EmfDocuments() {
    }

    public static JsonNode parse(String text) {
        try {
            return JSON.readValue(text, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    /** Parses {@code text} and fails the test unless it is a valid EMF document; returns it parsed. */
    public static JsonNode assertValid(String text) {
        JsonNode doc = parse(text);
        JsonNode aws = doc.get("_aws");
        assertNotNull(aws, "no _aws in " + text);
        assertTrue(aws.get("Timestamp") != null && aws.get("Timestamp").isNumber(), "Timestamp: " + text);
        JsonNode directives = aws.get("CloudWatchMetrics");
        assertTrue(directives != null && directives.isArray() && directives.size() > 0, "directives: " + text);
        for (JsonNode directive : directives.values()) {
            assertTrue(directive.get("Namespace").isString(), "Namespace: " + text);
            JsonNode sets = directive.get("Dimensions");
            assertTrue(sets != null && sets.isArray(), "Dimensions: " + text);
            for (JsonNode set : sets.values()) {
                assertTrue(set.isArray() && set.size() > 0 && set.size() <= 30, "dimension set: " + text);
                for (JsonNode name : set.values()) {
                    JsonNode value = doc.get(name.getStringValue());
                    assertTrue(value != null && value.isString(), "dimension " + name.getStringValue()
                            + " has no string value in " + text);
                }
            }
            JsonNode metrics = directive.get("Metrics");
            assertTrue(metrics != null && metrics.isArray() && metrics.size() > 0, "Metrics: " + text);
            for (JsonNode metric : metrics.values()) {
                String name = metric.get("Name").getStringValue();
                assertTrue(UNITS.contains(metric.get("Unit").getStringValue()), "unit of " + name);
                JsonNode value = doc.get(name);
                assertTrue(value != null && value.isNumber(), "metric " + name + " has no number in " + text);
                assertFalse(Double.isNaN(value.getDoubleValue()), name);
            }
        }
        assertEquals(text.strip(), text, "one line, nothing around it");
        assertFalse(text.contains("\n"), "one line");
        return doc;
    }
}
