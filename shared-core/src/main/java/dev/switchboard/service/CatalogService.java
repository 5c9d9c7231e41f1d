package dev.switchboard.service;

import dev.switchboard.api.ChatCompletionRequestParser;
import dev.switchboard.api.ModelList;
import dev.switchboard.api.ModelNotFoundException;
import dev.switchboard.api.ProvidersResponse;
import dev.switchboard.config.DeploymentConfig;
import dev.switchboard.config.ProviderCatalog;
import dev.switchboard.config.ProviderConfig;
import dev.switchboard.cost.ModelPrice;
import dev.switchboard.cost.PriceTable;
import dev.switchboard.resilience.DeploymentBreakers;
import dev.switchboard.routing.Candidate;
import dev.switchboard.state.DeploymentLatency;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GET /providers: the configured providers and deployments with their prices and limits, and how
 * each is doing: the shared circuit, this instance's breaker, latency and success rate; and GET
 * /v1/models, the names a chat completion may ask for.
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

    /**
     * GET /providers: every configured provider and deployment with its prices and shared state; for a key limited
     * to some models, only the deployments it may use (and their providers), as {@link #models} lists them. A
     * provider's base URL is the admin's to see: it names internal hosts, and a credential the configuration's
     * check did not recognise (in a path, or a query parameter of another name) would show with it.
     */
    public ProvidersResponse providers(Caller caller) {
        SharedState shared = sharedState.current();
        return new ProvidersResponse(catalog.source(), catalog.providers().stream()
                .map(p -> provider(p, usable(p, caller.models()), shared, caller.admin()))
                .filter(p -> caller.models().isEmpty() || !p.deployments().isEmpty()).toList());
    }

    private List<DeploymentConfig> usable(ProviderConfig provider, List<String> keyModels) {
        return keyModels.isEmpty() ? provider.deployments() : provider.deployments().stream()
                .filter(d -> Candidate.named(provider.name(), d.model(), keyModels, this::isLabel)).toList();
    }

    /** Whether {@code name} is a configured deployment's "provider/model". */
    private boolean isLabel(String name) {
        return catalog.providers().stream().anyMatch(p -> name.startsWith(p.name() + "/")
                && p.deployments().stream().anyMatch(d -> name.equals(p.name() + "/" + d.model())));
    }

    /**
     * GET /v1/models: "auto", then each configured model once, in the order of the providers file; for a key limited
     * to some models, only those it may use.
     */
    public ModelList models(Caller caller) {
        Map<String, String> firstProvider = new LinkedHashMap<>();
        for (ProviderConfig provider : catalog.providers()) {
            for (DeploymentConfig deployment : usable(provider, caller.models())) {
                firstProvider.putIfAbsent(deployment.model(), provider.name());
            }
        }
        List<ModelList.Model> models = new ArrayList<>(firstProvider.size() + 1);
        models.add(new ModelList.Model(ChatCompletionRequestParser.AUTO_MODEL, ModelList.Model.MODEL, 0, "switchboard"));
        firstProvider.forEach((model, provider) -> models.add(new ModelList.Model(model, ModelList.Model.MODEL, 0,
                provider)));
        return new ModelList(ModelList.LIST, models);
    }

    /**
     * GET /v1/models/{model}: one entry of {@link #models}, or a 404 {@code model_not_found} for a model that is not
     * configured or that the caller's key may not use (as OpenAI answers a model one cannot use).
     */
    public ModelList.Model model(String id, Caller caller) {
        return models(caller).data().stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new ModelNotFoundException(id));
    }

    public int providerCount() {
        return catalog.providers().size();
    }

    private ProvidersResponse.Provider provider(ProviderConfig p, List<DeploymentConfig> deployments,
                                                SharedState shared, boolean admin) {
        return new ProvidersResponse.Provider(p.name(), p.protocol(), admin ? p.baseUrl() : null, p.promptCaching(),
                p.guardrail() == null ? null : p.guardrail().shown(),
                deployments.stream().map(d -> deployment(p.name(), d, shared)).toList());
    }

    private ProvidersResponse.Deployment deployment(String provider, DeploymentConfig d, SharedState shared) {
        String label = provider + "/" + d.model();
        Optional<ModelPrice> price = prices.price(d.model());
        DeploymentLatency latency = shared.latency().of(label);
        return new ProvidersResponse.Deployment(d.model(), d.tier().wireName(), d.rpm(), d.tpm(), price.isPresent(),
                price.map(ModelPrice::inputCostPerToken).orElse(0.0),
                price.map(ModelPrice::outputCostPerToken).orElse(0.0),
                d.capabilities().contextLength(), d.capabilities().tools(), d.capabilities().vision(),
                d.capabilities().streaming(), d.capabilities().json(), d.capabilities().pdf(),
                d.capabilities().reasoning(), d.capabilities().audio(),
                shared.circuit(label).map(r -> r.state().name()).orElse(null), breakers.state(label).name(),
                latency.emaMillis(), latency.p50Millis(), latency.p95Millis(), latency.p99Millis(),
                latency.successRate());
    }
}
