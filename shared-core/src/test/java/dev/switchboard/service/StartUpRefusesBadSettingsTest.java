package dev.switchboard.service;

import dev.switchboard.config.ConfigurationError;
import dev.switchboard.testsupport.StartUpFailures;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings that cannot be used stop the application when it starts, naming the variable, not at its first request. */
class StartUpRefusesBadSettingsTest {

    @Test
    void aDurationWithoutItsUnitIsRefusedInsteadOfMeaningTheDefault() {
        String message = startUpFailure(Map.of("switchboard.cache.ttl", "90")).getMessage();

        assertTrue(message.startsWith("SWITCHBOARD_CACHE_TTL (switchboard.cache.ttl): '90' is not a duration"), message);
    }

    @Test
    void aBooleanIsTrueOrFalseAndNothingElse() {
        String message = startUpFailure(Map.of("switchboard.cache.enabled", "ture")).getMessage();

        assertTrue(message.contains("SWITCHBOARD_CACHE_ENABLED") && message.contains("true or false"), message);
    }

    @Test
    void settingsReadOneByOneAreCheckedToo() {
        assertTrue(startUpFailure(Map.of("switchboard.ledger.migrate", "yes")).getMessage()
                .startsWith("SWITCHBOARD_LEDGER_MIGRATE (switchboard.ledger.migrate): 'yes' is not true or false"));
        assertTrue(startUpFailure(Map.of("switchboard.state.snapshot-max-age", "5")).getMessage()
                .startsWith("SWITCHBOARD_STATE_SNAPSHOT_MAX_AGE"));
        assertTrue(startUpFailure(Map.of("switchboard.probe.parallelism", "four")).getMessage()
                .startsWith("SWITCHBOARD_PROBE_PARALLELISM"));
        assertTrue(startUpFailure(Map.of("switchboard.cache.enabled", "true ")).getMessage()
                .contains("true or false"), "the binder would read 'true ' as false");
    }

    @Test
    void aSettingThatTakesOneOfAFewWordsRefusesAnyOther() {
        assertEquals("SWITCHBOARD_STATE_STORE (switchboard.state.store): 'memroy' is not one of [dynamodb, memory]",
                startUpFailure(Map.of("switchboard.state.store", "memroy")).getMessage());
        assertTrue(startUpFailure(Map.of("switchboard.log.format", "jsn")).getMessage()
                .startsWith("SWITCHBOARD_LOG_FORMAT"));
        assertTrue(startUpFailure(Map.of("switchboard.metrics", "cloudwatch")).getMessage()
                .startsWith("SWITCHBOARD_METRICS"));
        assertTrue(startUpFailure(Map.of("switchboard.state.store", "Memory")).getMessage()
                .startsWith("SWITCHBOARD_STATE_STORE"), "the beans' conditions compare it exactly");
        assertTrue(startUpFailure(Map.of("switchboard.metrics-namespace", "AWS/Switchboard")).getMessage()
                .startsWith("SWITCHBOARD_METRICS_NAMESPACE"), "CloudWatch keeps AWS/ for itself");
        try (ApplicationContext context = ApplicationContext.run(Map.of("switchboard.log.format", " ",
                "switchboard.metrics", "OFF"))) {
            assertTrue(context.isRunning(), "blank is the default and case does not matter for these");
        }
    }

    @Test
    void valuesOutsideTheirRangeStopTheStartNamingTheVariable() {
        assertTrue(startUpFailure(Map.of("switchboard.state.latency.alpha", "2")).getMessage()
                .startsWith("SWITCHBOARD_STATE_LATENCY_WINDOW, _BUCKET, _ALPHA, _SHARDS"), "at start, not at a first request");
        assertTrue(startUpFailure(Map.of("switchboard.dynamodb.api-call-timeout", "0s")).getMessage()
                .startsWith("SWITCHBOARD_DYNAMODB_API_CALL_TIMEOUT"), "not the SDK's own message");
    }

    @Test
    void wordsWhereNumbersBelongAreRefused() {
        assertTrue(startUpFailure(Map.of("switchboard.resilience.max-retries", "three")).getMessage()
                .startsWith("SWITCHBOARD_RESILIENCE_MAX_RETRIES"));
        assertTrue(startUpFailure(Map.of("switchboard.routing.standard-from", "abc")).getMessage()
                .startsWith("SWITCHBOARD_ROUTING_STANDARD_FROM"));
        assertEquals("SWITCHBOARD_CACHE_MAX_ITEM_BYTES (switchboard.cache.max-item-bytes): 'lots' is not a whole number",
                startUpFailure(Map.of("switchboard.cache.max-item-bytes", "lots")).getMessage());
        assertTrue(startUpFailure(Map.of("switchboard.state.outage.budgets", "maybe")).getMessage()
                .contains("one of"));
        assertEquals("SWITCHBOARD_CHAT_DEFAULT_MAX_TOKENS (switchboard.chat.default-max-tokens): '8k' is not a whole "
                + "number", startUpFailure(Map.of("switchboard.chat.default-max-tokens", "8k")).getMessage(),
                "not the default 4096 in its place");
        assertEquals("WEIGHT_COST (weight.cost): 'abc' is not a number",
                startUpFailure(Map.of("weight.cost", "abc")).getMessage(), "seed 000's variables too");
        assertTrue(startUpFailure(Map.of("sla.low-ms", "1s")).getMessage().startsWith("SLA_LOW_MS (sla.low-ms)"));
    }

    @Test
    void aPriceFileThatIsNotThereIsSaidSoWithItsWholePath(@TempDir Path dir) {
        Path missing = dir.resolve("prices.jsn");
        String message = startUpFailure(Map.of("switchboard.prices", missing.toString())).getMessage();

        assertTrue(message.contains("does not exist") && message.contains(missing.toAbsolutePath().toString()),
                message);
    }

    @Test
    void wellFormedValuesStartAndBind() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("switchboard.cache.ttl", "90s",
                "switchboard.cache.enabled", "FALSE", "switchboard.resilience.max-retries", "2"))) {
            assertEquals(Duration.ofSeconds(90), context.getBean(dev.switchboard.state.CacheSettings.class).ttl());
            assertEquals(false, context.getBean(dev.switchboard.state.CacheSettings.class).enabled());
        }
    }

    @Test
    void aProvidersFileThatDoesNotLoadStopsStartUp(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("providers.yml");
        Files.writeString(file, """
                providers:
                  - name: acme
                    protocol: simulated
                    deployments:
                      - model: gpt-4o
                        tier: ultra
                """);

        String message = startUpFailure(Map.of("switchboard.config", file.toString())).getMessage();

        assertTrue(message.startsWith("SWITCHBOARD_CONFIG: "), message);
    }

    @Test
    void aPriceFileThatDoesNotLoadStopsStartUp(@TempDir Path dir) {
        String message = startUpFailure(Map.of("switchboard.prices", dir.resolve("missing.json").toString()))
                .getMessage();

        assertTrue(message.startsWith("SWITCHBOARD_PRICES: "), message);
    }

    @Test
    void aBaselineModelWithoutAPriceStopsStartUp() {
        String message = startUpFailure(Map.of("switchboard.baseline-model", "gpt-9")).getMessage();

        assertTrue(message.contains("SWITCHBOARD_BASELINE_MODEL") && message.contains("gpt-9"), message);
    }

    private static ConfigurationError startUpFailure(Map<String, Object> properties) {
        return StartUpFailures.configurationError(properties);
    }
}
