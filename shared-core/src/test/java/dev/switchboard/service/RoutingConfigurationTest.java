package dev.switchboard.service;

import dev.switchboard.config.ConfigurationError;
import dev.switchboard.routing.RoutingEngine;
import dev.switchboard.testsupport.H2Ledger;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The routing engine is built at start-up, every strategy in it, and bad routing settings stop start-up. */
class RoutingConfigurationTest {

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "switchboard.state.store", "memory", "datasources.default.url", H2Ledger.freshUrl()));
        if (key != null) {
            properties.put(key, value);
        }
        return properties;
    }

    @Test
    void theEngineOffersEveryStrategy() {
        try (ApplicationContext context = ApplicationContext.run(with(null, null))) {
            assertEquals(java.util.List.of("complexity", "cost-based", "latency-based", "least-busy", "simple-shuffle",
                    "round-robin", "hybrid"), context.getBean(RoutingEngine.class).strategyNames());
        }
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"switchboard.routing.learning.premium-from, 0.2, SWITCHBOARD_ROUTING_LEARNING_PREMIUM_FROM",
            "switchboard.routing.learning.min-certainty, 1.5, SWITCHBOARD_ROUTING_LEARNING_MIN_CERTAINTY",
            "switchboard.routing.premium-from, 0.1, SWITCHBOARD_ROUTING_PREMIUM_FROM"})
    void aBadRoutingSettingStopsStartUpNamingItsVariable(String key, String value, String variable) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> ApplicationContext.run(with(key, value)));

        Throwable cause = e;
        while (!(cause instanceof ConfigurationError) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertTrue(cause instanceof ConfigurationError, e.toString());
        assertTrue(cause.getMessage().contains(variable), cause.getMessage());
    }
}
