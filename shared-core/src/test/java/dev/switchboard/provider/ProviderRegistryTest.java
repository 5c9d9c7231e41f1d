package dev.switchboard.provider;

import dev.switchboard.routing.Capabilities;
import dev.switchboard.config.ConfigurationError;
import dev.switchboard.config.DeploymentConfig;
import dev.switchboard.config.ProviderCatalog;
import dev.switchboard.config.ProviderConfig;
import dev.switchboard.config.SimulationConfig;
import dev.switchboard.cost.EstimatingTokenCounter;
import dev.switchboard.routing.Tier;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProviderRegistryTest {

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final SimulatedAdapterFactory simulatedFactory = new SimulatedAdapterFactory(new EstimatingTokenCounter(), sleeper);

    private static ProviderConfig provider(String name, String protocol, String... models) {
        List<DeploymentConfig> deployments = new ArrayList<>();
        for (String model : models) {
            deployments.add(new DeploymentConfig(model, Tier.ECONOMY, 60, 100_000, Capabilities.DEFAULTS));
        }
        SimulationConfig simulation = protocol.equals("simulated") ? new SimulationConfig(0, 0.0, 1) : null;
        return new ProviderConfig(name, protocol, null, deployments, simulation);
    }

    private static ProviderCatalog catalog(ProviderConfig... providers) {
        return new ProviderCatalog("providers.yml", List.of(providers));
    }

    @Test
    void buildsOneAdapterPerProviderWithTheFactoryForItsProtocol() {
        ProviderRegistry registry = new ProviderRegistry(
                catalog(provider("alpha", "simulated", "a-1"), provider("beta", "simulated", "b-1", "b-2")),
                List.of(simulatedFactory));

        ChatProvider beta = registry.provider("beta").orElseThrow();
        assertEquals("beta", beta.name());
        assertEquals("simulated", beta.protocol());
        assertEquals("b-2", beta.complete(SimulatedProviders.ask("b-2", "hi", 10)).model());
        assertEquals("alpha", registry.provider("alpha").orElseThrow().name());
    }

    @Test
    void eachAdapterServesOnlyItsOwnDeployments() {
        ProviderRegistry registry = new ProviderRegistry(
                catalog(provider("alpha", "simulated", "a-1"), provider("beta", "simulated", "b-1")),
                List.of(simulatedFactory));

        ProviderException e = assertThrows(ProviderException.class,
                () -> registry.provider("alpha").orElseThrow().complete(SimulatedProviders.ask("b-1", "hi", 10)));
        assertEquals(ProviderException.Kind.REJECTED, e.kind());
    }

    @Test
    void anUnknownProviderIsEmpty() {
        ProviderRegistry registry = new ProviderRegistry(catalog(provider("alpha", "simulated", "a-1")),
                List.of(simulatedFactory));

        assertTrue(registry.provider("gamma").isEmpty());
    }

    @Test
    void aProtocolWithoutAnAdapterFailsAtStartUpNamingTheProvider() {
        ProviderCatalog catalog = catalog(provider("alpha", "simulated", "a-1"), provider("acme", "bedrock", "m"));

        ConfigurationError e = assertThrows(ConfigurationError.class,
                () -> new ProviderRegistry(catalog, List.of(simulatedFactory)));

        assertEquals("providers.yml: provider 'acme' uses protocol 'bedrock', which this build has no adapter for "
                + "(available: [simulated])", e.getMessage());
    }

    @Test
    void noFactoriesAtAllNamesTheFirstProvider() {
        ConfigurationError e = assertThrows(ConfigurationError.class,
                () -> new ProviderRegistry(catalog(provider("alpha", "simulated", "a-1")), List.of()));

        assertTrue(e.getMessage().contains("provider 'alpha'") && e.getMessage().contains("available: []"),
                e.getMessage());
    }

    @Test
    void anEmptyCatalogGivesAnEmptyRegistry() {
        assertTrue(new ProviderRegistry(catalog(), List.of(simulatedFactory)).provider("alpha").isEmpty());
    }
}
