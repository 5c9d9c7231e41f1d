package dev.switchboard.service;

import dev.switchboard.config.ConfigurationError;
import dev.switchboard.routing.scoring.ScoringConfig;
import dev.switchboard.testsupport.H2Ledger;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seed 000's variables reach the scorer through configuration, and a bad one stops start-up. */
class ScoringConfigurationTest {

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "switchboard.state.store", "memory", "datasources.default.url", H2Ledger.freshUrl()));
        properties.put(key, value);
        return properties;
    }

    @Test
    void readsTheSeedsVariables() {
        try (ApplicationContext context = ApplicationContext.run(with("sla.low-ms", 800))) {
            ScoringConfig config = context.getBean(ScoringConfig.class);

            assertEquals(800, config.slaLowMs());
            assertEquals(ScoringConfig.DEFAULTS.weightCost(), config.weightCost());
        }
    }

    @Test
    void weightsThatDoNotSumToOneStopStartUpNamingTheVariables() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> ApplicationContext.run(with("weight.cost", 0.9)));

        Throwable cause = e;
        while (!(cause instanceof ConfigurationError) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertTrue(cause instanceof ConfigurationError, e.toString());
        assertTrue(cause.getMessage().contains("WEIGHT_COST"), cause.getMessage());
    }
}
