package dev.switchboard.service;

import dev.switchboard.config.ConfigurationError;
import dev.switchboard.cost.CostCalculator;
import dev.switchboard.provider.Usage;
import dev.switchboard.routing.Candidate;
import dev.switchboard.testsupport.StartUpFailures;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Prices the providers file gives its deployments: used where the price table has none, and over it. */
class DeclaredPricesTest {

    @TempDir
    Path dir;

    private String providers(String deployments) throws IOException {
        Path file = dir.resolve("providers.yml");
        Files.writeString(file, "providers:\n  - name: local\n    protocol: simulated\n    deployments:\n" + deployments);
        return file.toString();
    }

    @Test
    void aModelTheTableDoesNotListIsPricedFromTheProvidersFile() throws IOException {
        String file = providers("""
                      - {model: my-model, tier: economy, price: {input-per-million: 1, output-per-million: 2}}
                      - {model: llama3.1, tier: economy, price: {input-per-million: 0, output-per-million: 0}}
                      - {model: no-price, tier: standard}
                """);
        try (ApplicationContext context = ApplicationContext.run(Map.of("switchboard.config", file))) {
            CostCalculator costs = context.getBean(CostCalculator.class);
            assertEquals(0.003, costs.cost("my-model", new Usage(1000, 1000)).usd(), 1e-12);
            assertEquals(0.0, costs.cost("llama3.1", new Usage(1000, 1000)).usd());
            assertTrue(costs.cost("llama3.1", new Usage(1000, 1000)).priced(), "free is a price");
            assertFalse(costs.cost("no-price", new Usage(1000, 1000)).priced());
            assertTrue(context.getBean(CandidateCatalog.class).all().stream()
                    .filter(c -> c.model().equals("my-model")).allMatch(Candidate::priced));
        }
    }

    @Test
    void aDeclaredPriceWinsOverTheTables() throws IOException {
        String file = providers("""
                      - {model: gpt-4o, tier: premium, price: {input-per-million: 1, output-per-million: 1}}
                """);
        try (ApplicationContext context = ApplicationContext.run(Map.of("switchboard.config", file))) {
            assertEquals(0.002, context.getBean(CostCalculator.class).cost("gpt-4o", new Usage(1000, 1000)).usd(),
                    1e-12);
            assertEquals(16_384, context.getBean(CandidateCatalog.class).all().get(0).capabilities().maxOutputTokens(),
                    "the table's longest answer stays with the declared price");
        }
    }

    @Test
    void oneModelWithTwoPricesStopsStartUp() throws IOException {
        Path file = dir.resolve("two.yml");
        Files.writeString(file, """
                providers:
                  - name: a
                    protocol: simulated
                    deployments: [{model: m, tier: economy, price: {input-per-million: 1, output-per-million: 2}}]
                  - name: b
                    protocol: simulated
                    deployments: [{model: m, tier: economy, price: {input-per-million: 3, output-per-million: 2}}]
                """);

        ConfigurationError e = StartUpFailures.configurationError(Map.of("switchboard.config", file.toString()));
        assertTrue(e.getMessage().contains("'m' is given two different prices"), e.getMessage());
    }
}
