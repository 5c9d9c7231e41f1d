package dev.switchboard.resilience;

import dev.switchboard.config.ConfigurationError;
import dev.switchboard.testsupport.H2Ledger;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Defaults, the backoff schedule, validation, and bad values stopping start-up naming their variables. */
class ResilienceSettingsTest {

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "switchboard.state.store", "memory", "datasources.default.url", H2Ledger.freshUrl()));
        if (key != null) {
            properties.put(key, value);
        }
        return properties;
    }

    @Test
    void theDefaultsAreSeed002sBreakerAndDesignMdsRetries() {
        ResilienceSettings defaults = ResilienceSettings.DEFAULTS;

        assertEquals(3, defaults.failureThreshold());
        assertEquals(Duration.ofSeconds(60), defaults.recovery());
        assertEquals(3, defaults.maxRetries());
        assertEquals(List.of(100L, 200L, 400L),
                List.of(defaults.backoff(1).toMillis(), defaults.backoff(2).toMillis(), defaults.backoff(3).toMillis()));
        assertEquals(Duration.ofSeconds(10), defaults.retryAfterCap());
        assertEquals(Duration.ofSeconds(120), defaults.requestDeadline());
    }

    @Test
    void aFactorOfOneKeepsTheBackoffFlat() {
        ResilienceSettings flat = new ResilienceSettings(3, Duration.ofSeconds(60), 3, Duration.ofMillis(250), 1.0,
                Duration.ZERO, Duration.ofSeconds(5));

        assertEquals(Duration.ofMillis(250), flat.backoff(3));
        assertThrows(IllegalArgumentException.class, () -> flat.backoff(0));
    }

    @Test
    void eachOutOfRangeValueIsNamed() {
        Duration s = Duration.ofSeconds(1);
        assertEquals("failure-threshold", invalid(() -> new ResilienceSettings(0, s, 3, s, 2, s, s)));
        assertEquals("recovery", invalid(() -> new ResilienceSettings(3, Duration.ZERO, 3, s, 2, s, s)));
        assertEquals("max-retries", invalid(() -> new ResilienceSettings(3, s, -1, s, 2, s, s)));
        assertEquals("max-retries", invalid(() -> new ResilienceSettings(3, s, 11, s, 2, s, s)));
        assertEquals("backoff-base", invalid(() -> new ResilienceSettings(3, s, 3, null, 2, s, s)));
        assertEquals("backoff-factor", invalid(() -> new ResilienceSettings(3, s, 3, s, 0.5, s, s)));
        assertEquals("backoff-factor", invalid(() -> new ResilienceSettings(3, s, 3, s, Double.NaN, s, s)));
        assertEquals("retry-after-cap", invalid(() -> new ResilienceSettings(3, s, 3, s, 2, s.negated(), s)));
        assertEquals("request-deadline", invalid(() -> new ResilienceSettings(3, s, 3, s, 2, s, Duration.ZERO)));
    }

    private static String invalid(Runnable construction) {
        return assertThrows(ResilienceSettings.InvalidSetting.class, construction::run).setting();
    }

    @Test
    void thePropertiesNameTheEnvironmentVariableToFix() {
        ResilienceProperties properties = new ResilienceProperties(3, Duration.ofSeconds(60), 3,
                Duration.ofMillis(100), 2.0, Duration.ofSeconds(10), Duration.ofSeconds(-1), false);

        ConfigurationError error = assertThrows(ConfigurationError.class, properties::settings);

        assertEquals("SWITCHBOARD_RESILIENCE_REQUEST_DEADLINE (switchboard.resilience.request-deadline): "
                + "request-deadline must not be negative, was PT-1S", error.getMessage());
    }

    @Test
    void startUpBuildsTheChainWithTheDefaults() {
        try (ApplicationContext context = ApplicationContext.run(with(null, null))) {
            assertEquals(ResilienceSettings.DEFAULTS, context.getBean(ResilienceSettings.class));
            assertEquals(BreakerState.CLOSED, context.getBean(DeploymentBreakers.class).state("openai/gpt-4o"));
            assertTrue(context.getBean(FallbackChain.class) != null);
        }
    }

    @Test
    void configuredValuesAreBound() {
        Map<String, Object> properties = with("switchboard.resilience.failure-threshold", "5");
        properties.put("switchboard.resilience.recovery", "30s");
        properties.put("switchboard.resilience.backoff-base", "50ms");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            ResilienceSettings settings = context.getBean(ResilienceSettings.class);

            assertEquals(5, settings.failureThreshold());
            assertEquals(Duration.ofSeconds(30), settings.recovery());
            assertEquals(Duration.ofMillis(100), settings.backoff(2));
        }
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"switchboard.resilience.failure-threshold, 0, SWITCHBOARD_RESILIENCE_FAILURE_THRESHOLD",
            "switchboard.resilience.max-retries, 20, SWITCHBOARD_RESILIENCE_MAX_RETRIES",
            "switchboard.resilience.backoff-factor, 0.5, SWITCHBOARD_RESILIENCE_BACKOFF_FACTOR",
            "switchboard.resilience.recovery, 0s, SWITCHBOARD_RESILIENCE_RECOVERY"})
    void aBadValueStopsStartUpNamingItsVariable(String key, String value, String variable) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> ApplicationContext.run(with(key, value)).close());
        Throwable cause = e;
        while (!(cause instanceof ConfigurationError) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertTrue(cause instanceof ConfigurationError, e.toString());
        assertTrue(cause.getMessage().startsWith(variable + " ("), cause.getMessage());
    }
}
