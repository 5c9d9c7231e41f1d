package dev.switchboard.service;

import dev.switchboard.config.ConfigurationError;
import dev.switchboard.config.ProviderCatalog;
import dev.switchboard.config.ProviderCatalogLoader;
import dev.switchboard.cost.CostCalculator;
import dev.switchboard.cost.JtokkitTokenCounter;
import dev.switchboard.cost.PriceTable;
import dev.switchboard.cost.PriceTableLoader;
import dev.switchboard.cost.TokenCounter;
import dev.switchboard.provider.ProviderAdapterFactory;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.provider.Sleeper;
import dev.switchboard.routing.ComplexityScorer;
import dev.switchboard.routing.PromptAnalyzer;
import dev.switchboard.routing.PromptClassifier;
import dev.switchboard.routing.RoutingEngine;
import dev.switchboard.routing.StandardStrategies;
import dev.switchboard.routing.learning.DifficultyLearner;
import dev.switchboard.routing.scoring.ProviderScorer;
import dev.switchboard.routing.scoring.ScoringConfig;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;

/**
 * Builds the plain-Java core (routing, cost, providers) from validated settings, so that the core
 * itself never sees Micronaut. Each bean may be replaced in tests (a fixed Clock, a no-op Sleeper).
 */
@Factory
public class CoreBeans {

    private static final Logger LOG = LoggerFactory.getLogger(CoreBeans.class);

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    Sleeper sleeper() {
        return Sleeper.REAL;
    }

    /** Later work (settlements to repeat) on Micronaut's scheduled executor. */
    @Singleton
    Delays delays(@Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        return (delay, work) -> scheduler.schedule(delay, work);
    }

    /** Exact per-model counts where OpenAI's encoding is known; the model-less count stays chars/4. */
    @Singleton
    TokenCounter tokenCounter() {
        return new JtokkitTokenCounter();
    }

    // @Context, like the price table and the baseline: a bad file stops start-up, not every request.
    @Context
    ProviderCatalog providerCatalog(SwitchboardSettings settings) {
        return new ProviderCatalogLoader().loadConfigured(settings.config());
    }

    @Context
    PriceTable priceTable(SwitchboardSettings settings, JsonMapper json, ProviderCatalog catalog) {
        PriceTable prices = DeclaredPrices.over(loadedPrices(settings, json), catalog);
        List<String> unpriced = catalog.providers().stream().flatMap(p -> p.deployments().stream()
                .filter(d -> prices.price(d.model()).isEmpty()).map(d -> p.name() + "/" + d.model())).toList();
        if (!unpriced.isEmpty()) {
            LOG.warn("no price for {} in {}: their answers cost null, and budgets do not count them; give them a "
                    + "price in the providers file or SWITCHBOARD_PRICES", unpriced, prices.source());
        }
        return prices;
    }

    private static PriceTable loadedPrices(SwitchboardSettings settings, JsonMapper json) {
        if (settings.prices() == null || settings.prices().isBlank()) {
            return new PriceTableLoader(json).load(PriceTableLoader.BUILT_IN);
        }
        try {
            return new PriceTableLoader(json).load(settings.prices());
        } catch (IllegalStateException e) {
            throw new ConfigurationError("SWITCHBOARD_PRICES: " + e.getMessage(), e);
        }
    }

    @Context
    CostCalculator costCalculator(PriceTable prices, SwitchboardSettings settings) {
        if (prices.price(settings.baselineModel()).isEmpty()) {
            throw new ConfigurationError("switchboard.baseline-model (SWITCHBOARD_BASELINE_MODEL): '"
                    + settings.baselineModel() + "' has no price in " + prices.source()
                    + "; savings cannot be measured against it");
        }
        return new CostCalculator(prices, settings.baselineModel());
    }

    @Singleton
    ProviderRegistry providerRegistry(ProviderCatalog catalog, List<ProviderAdapterFactory> factories) {
        return new ProviderRegistry(catalog, factories);
    }

    @Singleton
    CandidateCatalog candidateCatalog(ProviderCatalog catalog, PriceTable prices) {
        return new CandidateCatalog(catalog, prices);
    }

    @Singleton
    PromptAnalyzer promptAnalyzer(TokenCounter tokens) {
        return new PromptAnalyzer(new PromptClassifier(), new ComplexityScorer(), tokens::count);
    }

    /**
     * Seed 000's variables, validated at start-up (eagerly): a bad value stops it with the variable's name. The
     * check of every setting's type comes first ({@code checkedFirst}, the first argument, since arguments are
     * resolved in order): a word where a number belongs is named as such, not left to the binder's own failure.
     */
    @Context
    ScoringConfig scoringConfig(BoundValuesCheck checkedFirst,
                                @Value("${sla.ultra-low-ms:500}") long ultraLow, @Value("${sla.low-ms:1000}") long low,
                                @Value("${sla.medium-ms:2000}") long medium, @Value("${sla.high-ms:5000}") long high,
                                @Value("${weight.latency:0.3}") double latency, @Value("${weight.cost:0.4}") double cost,
                                @Value("${weight.sla:0.3}") double sla) {
        try {
            return new ScoringConfig(ultraLow, low, medium, high, latency, cost, sla);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationError(e.getMessage(), e);
        }
    }

    /** What the learning strategy learns with: taught from the ledger's feedback, which every instance shares. */
    @Singleton
    DifficultyLearner difficultyLearner(LedgerLearning learning) {
        return learning.learner();
    }

    /** Built at start-up, so that bad routing or learning settings stop it with their variables' names. */
    @Context
    RoutingEngine routingEngine(RoutingSettings settings, LearningProperties learning, DifficultyLearner learner,
                                ScoringConfig scoring, UniformDraws draws) {
        return StandardStrategies.engine(settings.thresholds(), learner, learning.settings(), draws,
                new ProviderScorer(scoring));
    }
}
