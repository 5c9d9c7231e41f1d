package dev.switchboard.service;

import dev.switchboard.config.ConfigurationError;
import dev.switchboard.resilience.BreakerListener;
import dev.switchboard.state.HealthStore;
import dev.switchboard.state.memory.InMemoryHealthStore;
import dev.switchboard.testsupport.H2Ledger;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared-state beans wire up, with their defaults, and bad settings stop start-up naming them. */
class SharedStateConfigurationTest {

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "switchboard.state.store", "memory", "datasources.default.url", H2Ledger.freshUrl()));
        if (key != null) {
            properties.put(key, value);
        }
        return properties;
    }

    @Test
    void theDefaultsAndTheWiring() {
        try (ApplicationContext context = ApplicationContext.run(with(null, null))) {
            assertEquals(SharedStateSettings.DEFAULTS, context.getBean(SharedStateSettings.class));
            assertInstanceOf(InMemoryHealthStore.class, context.getBean(HealthStore.class));
            assertTrue(context.getBeansOfType(BreakerListener.class).stream()
                    .anyMatch(SharedCircuitPublisher.class::isInstance), "the breakers publish their openings");
            assertTrue(context.getBean(SharedStateCache.class).lastError().isEmpty());
            context.getBean(DecisionService.class);
        }
    }

    @Test
    void theMaxAgeIsSettable() {
        try (ApplicationContext context = ApplicationContext.run(with("switchboard.state.snapshot-max-age", "2s"))) {
            assertEquals(Duration.ofSeconds(2), context.getBean(SharedStateSettings.class).snapshotMaxAge());
        }
    }

    @ParameterizedTest
    @CsvSource({
            "switchboard.state.snapshot-max-age, 0s, SWITCHBOARD_STATE_SNAPSHOT_MAX_AGE",
            "switchboard.state.snapshot-max-age, 10m, SWITCHBOARD_STATE_SNAPSHOT_MAX_AGE",
            "switchboard.probe.parallelism, 0, SWITCHBOARD_PROBE_PARALLELISM",
            "switchboard.probe.timeout, 0ms, SWITCHBOARD_PROBE_TIMEOUT",
            "switchboard.probe.timeout, 50s, SWITCHBOARD_PROBE_TIMEOUT"})
    void aBadSettingStopsStartUpNamingIt(String key, String value, String variable) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> ApplicationContext.run(with(key, value)));
        Throwable cause = e;
        while (!(cause instanceof ConfigurationError) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertInstanceOf(ConfigurationError.class, cause, e.toString());
        assertTrue(cause.getMessage().contains(key) && cause.getMessage().contains(variable), cause.getMessage());
    }
}
