package dev.switchboard.service;

import dev.switchboard.api.ProvidersResponse;
import dev.switchboard.config.DeploymentConfig;
import dev.switchboard.config.ProviderCatalog;
import dev.switchboard.config.ProviderConfig;
import dev.switchboard.cost.ModelPrice;
import dev.switchboard.cost.PriceTable;
import jakarta.inject.Singleton;

import java.util.Optional;

/** GET /providers: the configured providers and deployments with their prices and limits. */
@Singleton
public class CatalogService {

    private final ProviderCatalog catalog;
    private final PriceTable prices;

    public CatalogService(ProviderCatalog catalog, PriceTable prices) {
        this.catalog = catalog;
        this.prices = prices;
    }

    public ProvidersResponse providers() {
        return new ProvidersResponse(catalog.source(), catalog.providers().stream().map(this::provider).toList());
    }

    public int providerCount() {
        return catalog.providers().size();
    }

    private ProvidersResponse.Provider provider(ProviderConfig p) {
        return new ProvidersResponse.Provider(p.name(), p.protocol(), p.baseUrl(),
                p.deployments().stream().map(this::deployment).toList());
    }

    private ProvidersResponse.Deployment deployment(DeploymentConfig d) {
        Optional<ModelPrice> price = prices.price(d.model());
        return new ProvidersResponse.Deployment(d.model(), d.tier().wireName(), d.rpm(), d.tpm(), price.isPresent(),
                price.map(ModelPrice::inputCostPerToken).orElse(0.0),
                price.map(ModelPrice::outputCostPerToken).orElse(0.0),
                d.capabilities().contextLength(), d.capabilities().tools(), d.capabilities().vision(),
                d.capabilities().streaming());
    }
}
