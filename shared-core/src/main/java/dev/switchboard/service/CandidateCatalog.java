package dev.switchboard.service;

import dev.switchboard.config.DeploymentConfig;
import dev.switchboard.config.ProviderCatalog;
import dev.switchboard.config.ProviderConfig;
import dev.switchboard.cost.ModelPrice;
import dev.switchboard.cost.PriceTable;
import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.CostCeiling;
import dev.switchboard.routing.LongContextPrice;
import dev.switchboard.routing.Capabilities;
import dev.switchboard.routing.scoring.DeploymentSignals;
import dev.switchboard.state.RateLimits;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every configured deployment as a routing candidate, priced from the price table, with what the
 * configuration says of it for scoring (priority, capabilities). Measured health and latency join
 * these signals when shared state provides them.
 */
public final class CandidateCatalog {

    /** A context window this large counts as the "large context" capability. */
    static final int LARGE_CONTEXT_TOKENS = 128_000;

    private final List<Candidate> candidates;
    private final Map<String, DeploymentSignals> signals;
    private final Map<String, RateLimits> limits;

    public CandidateCatalog(ProviderCatalog catalog, PriceTable prices) {
        List<Candidate> all = new ArrayList<>();
        Map<String, DeploymentSignals> configured = new HashMap<>();
        Map<String, RateLimits> configuredLimits = new HashMap<>();
        for (ProviderConfig provider : catalog.providers()) {
            for (DeploymentConfig deployment : provider.deployments()) {
                Optional<ModelPrice> price = prices.price(deployment.model());
                Candidate candidate = new Candidate(provider.name(), deployment.model(), deployment.tier(),
                        price.map(ModelPrice::inputCostPerToken).orElse(0.0),
                        price.map(ModelPrice::outputCostPerToken).orElse(0.0),
                        price.isPresent(),
                        // The providers file's longest answer, else the price table's.
                        deployment.capabilities().orMaxOutputTokens(price.map(ModelPrice::maxOutputTokens).orElse(0)),
                        deployment.weight(),
                        price.map(p -> ceiling(p, provider.promptCaching()))
                                .orElse(CostCeiling.flat(0.0, 0.0)));
                all.add(candidate);
                configured.put(candidate.label(), new DeploymentSignals(false, null, null, null,
                        deployment.priority(), capabilityCount(deployment.capabilities())));
                configuredLimits.put(candidate.label(),
                        new RateLimits((long) deployment.rpm(), (long) deployment.tpm()));
            }
        }
        this.candidates = List.copyOf(all);
        this.signals = Map.copyOf(configured);
        this.limits = Map.copyOf(configuredLimits);
    }

    /**
     * The most the model's tokens cost, at its base prices and at each long-context tier's; a write to the prompt
     * cache only where the provider marks prompts for it ({@code cacheWrites}).
     */
    private static CostCeiling ceiling(ModelPrice price, boolean cacheWrites) {
        // A level past the longest prompt there can be never applies.
        List<LongContextPrice> levels = price.tiers().stream().filter(t -> t.aboveInputTokens() < Integer.MAX_VALUE)
                .map(t -> {
                    ModelPrice at = price.forInputTokens(t.aboveInputTokens() + 1);
                    return new LongContextPrice(t.aboveInputTokens(), at.mostPerInputToken(cacheWrites),
                            at.mostPerOutputToken());
                }).toList();
        return new CostCeiling(price.mostPerInputToken(cacheWrites), price.inputCostPerAudioToken(),
                price.mostPerOutputToken(), levels);
    }

    /** The deployment's configured RPM / TPM, shared by every instance; none for a label not configured. */
    public RateLimits limits(String label) {
        return limits.getOrDefault(label, RateLimits.NONE);
    }

    public List<Candidate> all() {
        return candidates;
    }

    /** What configuration says of each candidate, by {@link Candidate#label()}. */
    public Map<String, DeploymentSignals> signals() {
        return signals;
    }

    static int capabilityCount(Capabilities c) {
        return (c.tools() ? 1 : 0) + (c.vision() ? 1 : 0) + (c.streaming() ? 1 : 0)
                + (c.contextLength() >= LARGE_CONTEXT_TOKENS ? 1 : 0);
    }
}
