package dev.switchboard.service;

import dev.switchboard.config.DeploymentConfig;
import dev.switchboard.config.ProviderCatalog;
import dev.switchboard.config.ProviderConfig;
import dev.switchboard.cost.ModelPrice;
import dev.switchboard.cost.PriceTable;
import dev.switchboard.routing.Candidate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every configured deployment as a routing candidate, priced from the price table. */
public final class CandidateCatalog {

    private final List<Candidate> candidates;

    public CandidateCatalog(ProviderCatalog catalog, PriceTable prices) {
        List<Candidate> all = new ArrayList<>();
        for (ProviderConfig provider : catalog.providers()) {
            for (DeploymentConfig deployment : provider.deployments()) {
                Optional<ModelPrice> price = prices.price(deployment.model());
                all.add(new Candidate(provider.name(), deployment.model(), deployment.tier(),
                        price.map(ModelPrice::inputCostPerToken).orElse(0.0),
                        price.map(ModelPrice::outputCostPerToken).orElse(0.0),
                        price.isPresent()));
            }
        }
        this.candidates = List.copyOf(all);
    }

    public List<Candidate> all() {
        return candidates;
    }
}
