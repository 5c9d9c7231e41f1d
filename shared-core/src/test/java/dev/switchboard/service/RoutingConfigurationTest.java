package dev.switchboard.service;

import dev.switchboard.config.ConfigurationError;
import dev.switchboard.routing.RoutingEngine;
import dev.switchboard.routing.learning.DifficultyEstimate;
import dev.switchboard.routing.learning.DifficultyLearner;
import dev.switchboard.routing.learning.LearnerOptions;
import dev.switchboard.routing.learning.LogisticDifficultyLearner;
import dev.switchboard.testsupport.H2Ledger;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The routing engine is built at start-up with every strategy, its learner starts from nothing or from
 * a saved state, and bad routing or learning settings stop start-up naming their variables.
 */
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
            assertEquals(List.of("complexity", "learning", "hybrid", "cost-based", "latency-based", "least-busy",
                    "simple-shuffle", "round-robin"), context.getBean(RoutingEngine.class).strategyNames());
        }
    }

    @Test
    void withoutASavedStateTheLearnerStartsKnowingNothing() {
        try (ApplicationContext context = ApplicationContext.run(with(null, null))) {
            DifficultyEstimate estimate = context.getBean(DifficultyLearner.class).estimate("What is Python?");

            assertEquals(0, estimate.examples());
            assertEquals(0, estimate.certainty());
        }
    }

    @Test
    void aSavedStateIsWhereTheLearnerStarts(@TempDir Path dir) throws Exception {
        LogisticDifficultyLearner trained = new LogisticDifficultyLearner(LearnerOptions.DEFAULTS);
        for (int i = 0; i < 60; i++) {
            trained.observe("Prove that the sum of the first " + i + " odd numbers is a square.", true);
            trained.observe("What is " + i + " plus one?", false);
        }
        Path state = Files.write(dir.resolve("learner.bin"), trained.toBytes());

        try (ApplicationContext context = ApplicationContext.run(
                with("switchboard.routing.learning.state", state.toString()))) {
            DifficultyLearner learner = context.getBean(DifficultyLearner.class);

            assertEquals(120, learner.estimate("What is 7 plus one?").examples());
            assertArrayEquals(trained.toBytes(), learner.toBytes());
        }
    }

    @Test
    void aMissingOrCorruptStateStopsStartUpNamingItsVariable(@TempDir Path dir) throws Exception {
        Path corrupt = Files.write(dir.resolve("corrupt.bin"), new byte[]{1, 2, 3});

        for (String state : List.of(dir.resolve("absent.bin").toString(), corrupt.toString())) {
            ConfigurationError error = configurationError(() -> ApplicationContext.run(
                    with("switchboard.routing.learning.state", state)));
            assertTrue(error.getMessage().contains("SWITCHBOARD_ROUTING_LEARNING_STATE"), error.getMessage());
            assertTrue(error.getMessage().contains(state), error.getMessage());
        }
    }

    private static ConfigurationError configurationError(Runnable startUp) {
        RuntimeException e = assertThrows(RuntimeException.class, startUp::run);
        Throwable cause = e;
        while (!(cause instanceof ConfigurationError) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertTrue(cause instanceof ConfigurationError, e.toString());
        return (ConfigurationError) cause;
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"switchboard.routing.learning.premium-from, 0.2, SWITCHBOARD_ROUTING_LEARNING_PREMIUM_FROM",
            "switchboard.routing.learning.min-certainty, 1.5, SWITCHBOARD_ROUTING_LEARNING_MIN_CERTAINTY",
            "switchboard.routing.premium-from, 0.1, SWITCHBOARD_ROUTING_PREMIUM_FROM"})
    void aBadRoutingSettingStopsStartUpNamingItsVariable(String key, String value, String variable) {
        ConfigurationError error = configurationError(() -> ApplicationContext.run(with(key, value)));

        assertTrue(error.getMessage().contains(variable), error.getMessage());
    }
}
