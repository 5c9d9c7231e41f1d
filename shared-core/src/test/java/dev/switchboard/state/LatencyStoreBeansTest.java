package dev.switchboard.state;

import dev.switchboard.config.ConfigurationError;
import dev.switchboard.state.dynamodb.DynamoDbLatencyStore;
import dev.switchboard.state.memory.InMemoryLatencyStore;
import dev.switchboard.testsupport.H2Ledger;
import dev.switchboard.testsupport.TestEnvironment;
import io.micronaut.context.ApplicationContext;
import dev.switchboard.testsupport.StartUpFailures;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The latency store bean follows switchboard.state.store, and bad latency settings stop start-up. */
class LatencyStoreBeansTest {

    private static Map<String, Object> memory(String key, Object value) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "switchboard.state.store", "memory", "datasources.default.url", H2Ledger.freshUrl()));
        if (key != null) {
            properties.put(key, value);
        }
        return properties;
    }

    @Test
    void theMemoryStoreIsChosenWithStoreMemory() {
        try (ApplicationContext context = ApplicationContext.run(memory(null, null))) {
            assertInstanceOf(InMemoryLatencyStore.class, context.getBean(LatencyStore.class));
        }
    }

    @Test
    void theDynamoDbStoreIsTheDefaultAndReachesTheTable() {
        try (ApplicationContext context = ApplicationContext.run(TestEnvironment.properties())) {
            LatencyStore store = context.getBean(LatencyStore.class);
            assertInstanceOf(DynamoDbLatencyStore.class, store);

            store.record("openai/gpt-4o", Duration.ofMillis(250), true, context.getBean(Clock.class).instant());
            assertEquals(1, store.snapshot(Set.of("openai/gpt-4o")).of("openai/gpt-4o").calls());
        }
    }

    @Test
    void anInvalidSettingStopsStartUpNamingIt() {
        ConfigurationError failure = StartUpFailures.configurationError(memory("switchboard.state.latency.window", "90s"));

        assertTrue(failure.getMessage().startsWith("SWITCHBOARD_STATE_LATENCY_WINDOW"), failure.getMessage());
        assertTrue(failure.getMessage().contains("PT1M30S"), failure.getMessage());
    }
}
