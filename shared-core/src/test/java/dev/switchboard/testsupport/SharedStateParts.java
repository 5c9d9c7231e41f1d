package dev.switchboard.testsupport;

import dev.switchboard.config.DeploymentConfig;
import dev.switchboard.config.ProviderCatalog;
import dev.switchboard.config.ProviderConfig;
import dev.switchboard.config.SimulationConfig;
import dev.switchboard.cost.EstimatingTokenCounter;
import dev.switchboard.cost.ModelPrice;
import dev.switchboard.cost.PriceTable;
import dev.switchboard.provider.ProviderAdapterFactory;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.provider.Sleeper;
import dev.switchboard.provider.SimulatedAdapterFactory;
import dev.switchboard.routing.Capabilities;
import dev.switchboard.routing.Tier;
import dev.switchboard.resilience.DeploymentBreakers;
import dev.switchboard.resilience.ResilienceSettings;
import dev.switchboard.service.CandidateCatalog;
import dev.switchboard.service.ProbeService;
import dev.switchboard.service.SharedCircuitPublisher;
import dev.switchboard.service.SharedCircuits;
import dev.switchboard.service.SharedStateCache;
import dev.switchboard.service.SharedStateSettings;
import dev.switchboard.state.HealthStore;
import dev.switchboard.state.LatencyStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Builds what one instance holds of the shared state (its breakers, publisher and snapshot cache) and
 * the health probe, over stores the test chooses, for a line-up of simulated providers.
 */
public final class SharedStateParts {

    public static final PriceTable PRICES = new PriceTable("test", Map.of(
            "gpt-4o-mini", price(1.5e-07, 6e-07),
            "gpt-4o", price(2.5e-06, 1e-05),
            "claude-3-5-haiku-20241022", price(8e-07, 4e-06)));

    private final List<ProviderConfig> providers = new ArrayList<>();
    private final List<ProviderAdapterFactory> adapters = new ArrayList<>(
            List.of(new SimulatedAdapterFactory(new EstimatingTokenCounter(), duration -> { })));
    private SharedStateSettings settings = SharedStateSettings.DEFAULTS;
    private Sleeper probeSleeper = duration -> { };

    /** A simulated provider failing at {@code failureRate} (0 never, 1 always) with the given models. */
    public SharedStateParts simulated(String name, double failureRate, String... models) {
        providers.add(new ProviderConfig(name, "simulated", null, deployments(models),
                new SimulationConfig(0, failureRate, 7)));
        return this;
    }

    /** A provider served by a test adapter, under the adapter's protocol. */
    public SharedStateParts adapted(String name, ProviderAdapterFactory adapter, String... models) {
        adapters.add(adapter);
        providers.add(new ProviderConfig(name, adapter.protocol(), null, deployments(models), null));
        return this;
    }

    public SharedStateParts settings(SharedStateSettings settings) {
        this.settings = settings;
        return this;
    }

    /** How the probe waits between retries; by default it returns at once. */
    public SharedStateParts probeSleeper(Sleeper sleeper) {
        this.probeSleeper = sleeper;
        return this;
    }

    public ProviderCatalog catalog() {
        return new ProviderCatalog("test", providers);
    }

    public CandidateCatalog candidates() {
        return new CandidateCatalog(catalog(), PRICES);
    }

    /** One instance's view: breakers that publish their openings to {@code health}, and its snapshot cache. */
    public Instance instance(LatencyStore latency, HealthStore health, Clock clock) {
        DeploymentBreakers breakers = new DeploymentBreakers(ResilienceSettings.DEFAULTS, clock,
                List.of(new SharedCircuitPublisher(health)));
        SharedStateCache cache = new SharedStateCache(latency, health, new SharedCircuits(breakers), candidates(),
                settings, clock);
        return new Instance(breakers, cache);
    }

    public ProbeService probe(HealthStore health, Clock clock) {
        return new ProbeService(catalog(), new ProviderRegistry(catalog(), adapters), health, settings,
                ResilienceSettings.DEFAULTS, probeSleeper, clock);
    }

    public record Instance(DeploymentBreakers breakers, SharedStateCache cache) {
    }

    private static List<DeploymentConfig> deployments(String... models) {
        return Arrays.stream(models).map(m -> new DeploymentConfig(m, Tier.ECONOMY, 100, 100_000,
                Capabilities.DEFAULTS)).toList();
    }

    private static ModelPrice price(double in, double out) {
        return new ModelPrice(in, out, 0, 0, 0, 128_000, "test", "chat");
    }
}
