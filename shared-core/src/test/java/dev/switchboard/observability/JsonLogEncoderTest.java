package dev.switchboard.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.switchboard.testsupport.EmfDocuments;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonLogEncoderTest {

    private final JsonLogEncoder encoder = new JsonLogEncoder();
    private final Logger logger = (Logger) LoggerFactory.getLogger("dev.switchboard.Example");

    @Test
    void aLineIsOneJsonObjectWithTheStandardFieldsTheMdcAndTheKeyValuePairs() {
        LoggingEvent event = new LoggingEvent("x", logger, Level.WARN, "provider call failed: {}", null,
                new Object[]{"gemini/gemini-1.5-flash"});
        event.setTimeStamp(1_764_374_400_123L);
        event.setThreadName("pool-1-thread-3");
        event.setMDCPropertyMap(Map.of(RequestLogContext.REQUEST_ID, "req-1"));
        event.addKeyValuePair(new KeyValuePair("fallbacks", 2));
        event.addKeyValuePair(new KeyValuePair("cost_usd", 6.3975e-05));
        event.addKeyValuePair(new KeyValuePair("cache_hit", false));
        event.addKeyValuePair(new KeyValuePair("error_type", null));

        String line = encoder.line(event);

        assertTrue(line.endsWith("}\n") && line.indexOf('\n') == line.length() - 1, line);
        JsonNode json = EmfDocuments.parse(line);
        assertEquals("2025-11-29T00:00:00.123Z", json.get("timestamp").getStringValue());
        assertEquals("WARN", json.get("level").getStringValue());
        assertEquals("dev.switchboard.Example", json.get("logger").getStringValue());
        assertEquals("pool-1-thread-3", json.get("thread").getStringValue());
        assertEquals("provider call failed: gemini/gemini-1.5-flash", json.get("message").getStringValue());
        assertEquals("req-1", json.get("request_id").getStringValue());
        assertEquals(2, json.get("fallbacks").getIntValue());
        assertEquals(6.3975e-05, json.get("cost_usd").getDoubleValue());
        assertFalse(json.get("cache_hit").getBooleanValue());
        assertNull(json.get("error_type"), "a pair without a value is left out");
    }

    @Test
    void quotesControlCharactersAndLineSeparatorsAreEscapedSoTheLineStaysOneLine() {
        String nasty = "a \"quoted\" \\ back\nnew\tline\u0001 \u2028 é";
        LoggingEvent event = new LoggingEvent("x", logger, Level.INFO, nasty, null, null);

        String line = encoder.line(event);

        assertEquals(1, line.split("\n", -1).length - 1, line);
        assertFalse(line.contains("\u2028"));
        assertEquals(nasty, EmfDocuments.parse(line).get("message").getStringValue());
    }

    @Test
    void anExceptionBecomesItsClassMessageAndABoundedStack() {
        IllegalStateException cause = new IllegalStateException("inner");
        LoggingEvent event = new LoggingEvent("x", logger, Level.ERROR, "failed", new RuntimeException("outer", cause),
                null);

        JsonNode json = EmfDocuments.parse(encoder.line(event));

        assertEquals("java.lang.RuntimeException: outer", json.get("exception").getStringValue());
        String stack = json.get("stack_trace").getStringValue();
        assertTrue(stack.contains("Caused by: java.lang.IllegalStateException: inner"), stack);
        assertTrue(stack.contains("\tat dev.switchboard.observability.JsonLogEncoderTest"), stack);
    }

    @Test
    void anEventWithoutMdcOrPairsHasNoRequestId() {
        JsonNode json = EmfDocuments.parse(encoder.line(new LoggingEvent("x", logger, Level.INFO, "up", null, null)));

        assertNull(json.get("request_id"));
        assertNull(json.get("exception"));
    }
}
