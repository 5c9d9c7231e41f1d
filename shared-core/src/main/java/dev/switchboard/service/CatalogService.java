package dev.switchboard.service;

import dev.switchboard.api.ProvidersResponse;
import dev.switchboard.config.DeploymentConfig;
import dev.switchboard.config.ProviderCatalog;
import dev.switchboard.config.ProviderConfig;
import dev.switchboard.cost.ModelPrice;
import dev.switchboard.cost.PriceTable;
import dev.switchboard.resilience.DeploymentBreakers;
import dev.switchboard.state.DeploymentLatency;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * GET /providers: the configured providers and deployments with their prices and limits, and how
 * each is doing: the shared circuit, this instance's breaker, latency and success rate.
 */
@Singleton
public class CatalogService {

    private final ProviderCatalog catalog;
    private final PriceTable prices;
    private final SharedStateCache sharedState;
    private final DeploymentBreakers breakers;

    public CatalogService(ProviderCatalog catalog, PriceTable prices, SharedStateCache sharedState,
                          DeploymentBreakers breakers) {
        this.catalog = catalog;
        this.prices = prices;
        this.sharedState = sharedState;
        this.breakers = breakers;
    }

    public ProvidersResponse providers() {
        SharedState shared = sharedState.current();
        return new ProvidersResponse(catalog.source(),
                catalog.providers().stream().map(p -> provider(p, shared)).toList());
    }

    public int providerCount() {
        return catalog.providers().size();
    }

    private ProvidersResponse.Provider provider(ProviderConfig p, SharedState shared) {
        return new ProvidersResponse.Provider(p.name(), p.protocol(), p.baseUrl(),
                p.deployments().stream().map(d -> deployment(p.name(), d, shared)).toList());
    }

    private ProvidersResponse.Deployment deployment(String provider, DeploymentConfig d, SharedState shared) {
        String label = provider + "/" + d.model();
        Optional<ModelPrice> price = prices.price(d.model());
        DeploymentLatency latency = shared.latency().of(label);
        return new ProvidersResponse.Deployment(d.model(), d.tier().wireName(), d.rpm(), d.tpm(), price.isPresent(),
                price.map(ModelPrice::inputCostPerToken).orElse(0.0),
                price.map(ModelPrice::outputCostPerToken).orElse(0.0),
                d.capabilities().contextLength(), d.capabilities().tools(), d.capabilities().vision(),
                d.capabilities().streaming(),
                shared.circuit(label).map(r -> r.state().name()).orElse(null), breakers.state(label).name(),
                latency.emaMillis(), latency.p50Millis(), latency.p95Millis(), latency.p99Millis(),
                latency.successRate());
    }
}
