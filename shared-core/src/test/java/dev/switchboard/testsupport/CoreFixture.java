package dev.switchboard.testsupport;

import dev.switchboard.routing.Capabilities;
import dev.switchboard.config.DeploymentConfig;
import dev.switchboard.config.ProviderCatalog;
import dev.switchboard.config.ProviderConfig;
import dev.switchboard.config.SimulationConfig;
import dev.switchboard.cost.CostCalculator;
import dev.switchboard.cost.EstimatingTokenCounter;
import dev.switchboard.cost.JtokkitTokenCounter;
import dev.switchboard.cost.ModelPrice;
import dev.switchboard.cost.PriceTable;
import dev.switchboard.provider.ProviderAdapterFactory;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.provider.SimulatedAdapterFactory;
import dev.switchboard.provider.Sleeper;
import dev.switchboard.routing.ComplexityScorer;
import dev.switchboard.routing.ComplexityThresholds;
import dev.switchboard.routing.PromptAnalyzer;
import dev.switchboard.routing.PromptClassifier;
import dev.switchboard.routing.RoutingEngine;
import dev.switchboard.routing.LearningSettings;
import dev.switchboard.routing.StandardStrategies;
import dev.switchboard.routing.learning.DifficultyLearner;
import dev.switchboard.routing.learning.LearnerOptions;
import dev.switchboard.routing.learning.LogisticDifficultyLearner;
import dev.switchboard.routing.scoring.ProviderScorer;
import dev.switchboard.routing.scoring.ScoringConfig;
import dev.switchboard.routing.Tier;
import dev.switchboard.resilience.DeploymentBreakers;
import dev.switchboard.resilience.FallbackChain;
import dev.switchboard.resilience.ResilienceSettings;
import dev.switchboard.service.CandidateCatalog;
import dev.switchboard.service.ChatCompletionService;
import dev.switchboard.service.CompletionAccounting;
import dev.switchboard.service.DeploymentQuality;
import dev.switchboard.service.SettlementRepeats;
import dev.switchboard.service.CompletionService;
import dev.switchboard.service.DecisionService;
import dev.switchboard.service.RequestIds;
import dev.switchboard.service.Admissions;
import dev.switchboard.service.Caller;
import dev.switchboard.service.LedgerWriter;
import dev.switchboard.observability.MetricsSink;
import dev.switchboard.observability.RequestObserver;
import dev.switchboard.state.memory.InMemoryLedgerOutbox;
import dev.switchboard.service.ResponseCaching;
import dev.switchboard.service.SharedCircuits;
import dev.switchboard.service.SharedStateCache;
import dev.switchboard.service.SharedStateSettings;
import dev.switchboard.state.CacheSettings;
import dev.switchboard.state.memory.InMemoryResponseCache;
import dev.switchboard.service.StateOutagePolicy;
import dev.switchboard.service.StateOutages;
import dev.switchboard.state.ComposedRequestState;
import dev.switchboard.state.LatencySettings;
import dev.switchboard.state.RequestState;
import dev.switchboard.state.memory.InMemoryAdmissionStore;
import dev.switchboard.state.memory.InMemoryHealthStore;
import dev.switchboard.state.memory.InMemoryLatencyStore;

import io.micronaut.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The service layer wired by hand from plain parts: simulated providers that answer at once, the
 * built-in models' prices, in-memory spend, a ledger that keeps rows in a list, and a fixed clock.
 * Each provider's failure rate can be set to drive the fallback chain.
 */
public final class CoreFixture {

    public static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final String REJECTING = "test-rejecting";
    private static final long SEED = 7;
    private static final JsonMapper JSON = JsonMapper.createDefault();

    /** Stands at {@link #NOW} until a test moves it. */
    public final MutableClock clock = new MutableClock();
    /** One id source for every service this fixture builds: two services must not issue the same id. */
    public final RequestIds ids = new RequestIds(clock, new Random(SEED));
    public final DeploymentBreakers breakers = new DeploymentBreakers(ResilienceSettings.DEFAULTS, clock);
    /** A principal with seed 002's default budget and no key of its own. */
    public static final Caller ALICE = new Caller("alice", null, null, null, false);
    public final InMemoryAdmissionStore admission = new InMemoryAdmissionStore(clock);
    /**
     * Whether decisions weigh the latency measured in {@link #latency}, as a deployed instance does (each service
     * built reads it afresh); off, they see no measurement at all.
     */
    public boolean routesOnSharedLatency;
    public final InMemoryLatencyStore latency = new InMemoryLatencyStore(LatencySettings.defaults(), clock);
    /** The state requests use: these in-memory stores unless a test puts a failing one in. */
    public final InMemoryResponseCache cache = new InMemoryResponseCache(CacheSettings.defaults(), clock);
    public RequestState state = new ComposedRequestState(admission, latency, cache);
    /** The response cache's settings; off by default here, so that repeated prompts reach the providers. */
    public CacheSettings cacheSettings = CacheSettings.defaults().withEnabled(false);
    public StateOutagePolicy outagePolicy = StateOutagePolicy.DEFAULT;
    public final StateOutages outages = new StateOutages(clock);
    /** When settlements whose write failed are repeated: whenever the test runs them. */
    public final ManualDelays delays = new ManualDelays();
    public final SettlementRepeats repeats = new SettlementRepeats(clock, delays);
    /** Where rows wait while {@link ListLedger#down} is set. */
    public final InMemoryLedgerOutbox outbox = new InMemoryLedgerOutbox();
    public final ListLedger ledger = new ListLedger();
    /** Where the services' metrics go; none by default. */
    public MetricsSink metrics = MetricsSink.NONE;
    /** Knows nothing at first, as in production; a test may teach it. */
    public final DifficultyLearner learner = new LogisticDifficultyLearner(LearnerOptions.DEFAULTS);
    /** The built-in models' base prices; a test may lay others over them before it builds a service. */
    public PriceTable prices = new PriceTable("test", Map.of(
            "gemini-1.5-flash", price(7.5e-08, 3e-07),
            "gpt-4o-mini", price(1.5e-07, 6e-07),
            "gpt-4o", price(2.5e-06, 1e-05),
            "claude-3-5-haiku-20241022", price(8e-07, 4e-06),
            "claude-3-5-sonnet-20241022", price(3e-06, 1.5e-05)));
    /** The fallback chain's settings (the deadline, retries); the breakers keep the defaults'. */
    public ResilienceSettings resilience = ResilienceSettings.DEFAULTS;
    /** How retries wait: by default not at all, so that the fixed clock never reaches the deadline. */
    public Sleeper retryWaits = duration -> { };
    private final List<ProviderConfig> providers = new ArrayList<>();
    /** Test adapters by protocol, for providers added with {@link #adaptedProvider}. */
    private final Map<String, ProviderAdapterFactory> testAdapters = new LinkedHashMap<>();

    /** The built-in line-up (same names, models and tiers), with the given failure rates. */
    public static CoreFixture builtInLineUp(double geminiFailures, double openaiFailures, double anthropicFailures) {
        CoreFixture fixture = new CoreFixture();
        fixture.provider("gemini", geminiFailures, deployment("gemini-1.5-flash", Tier.ECONOMY));
        fixture.provider("openai", openaiFailures, deployment("gpt-4o-mini", Tier.ECONOMY),
                deployment("gpt-4o", Tier.PREMIUM));
        fixture.provider("anthropic", anthropicFailures, deployment("claude-3-5-haiku-20241022", Tier.STANDARD),
                deployment("claude-3-5-sonnet-20241022", Tier.PREMIUM));
        return fixture;
    }

    /** The built-in line-up's deployments as routing candidates. */
    public static CandidateCatalog builtInCandidates() {
        return builtInLineUp(0, 0, 0).candidates();
    }

    /** This fixture's deployments as routing candidates. */
    public CandidateCatalog candidates() {
        return new CandidateCatalog(new ProviderCatalog("test", providers), prices);
    }

    /** A provider that refuses every request as malformed (a 4xx that is the caller's fault). */
    public CoreFixture rejectingProvider(String name, DeploymentConfig... deployments) {
        providers.add(new ProviderConfig(name, REJECTING, null, List.of(deployments), null));
        return this;
    }

    public CoreFixture provider(String name, double failureRate, DeploymentConfig... deployments) {
        providers.add(new ProviderConfig(name, "simulated", null, List.of(deployments),
                new SimulationConfig(0, failureRate, 7)));
        return this;
    }

    public static DeploymentConfig deployment(String model, Tier tier) {
        return new DeploymentConfig(model, tier, 100, 100_000, Capabilities.DEFAULTS);
    }

    public DecisionService decisions() {
        CandidateCatalog candidates = new CandidateCatalog(new ProviderCatalog("test", providers), prices);
        PromptAnalyzer analyzer = new PromptAnalyzer(new PromptClassifier(), new ComplexityScorer(),
                new EstimatingTokenCounter()::count);
        RoutingEngine engine = StandardStrategies.engine(ComplexityThresholds.DEFAULTS, learner,
                LearningSettings.DEFAULTS, new SplittableRandom(SEED)::nextDouble,
                new ProviderScorer(ScoringConfig.DEFAULTS));
        if (!routesOnSharedLatency) {
            return new DecisionService(analyzer, engine, candidates, breakers);
        }
        SharedStateCache shared = new SharedStateCache(latency, new InMemoryHealthStore(), new SharedCircuits(breakers),
                candidates, SharedStateSettings.DEFAULTS, clock);
        return new DecisionService(analyzer, engine, candidates, breakers, shared);
    }

    public CompletionService completions() {
        ProviderCatalog catalog = new ProviderCatalog("test", providers);
        List<ProviderAdapterFactory> adapters = new ArrayList<>(
                List.of(new SimulatedAdapterFactory(new EstimatingTokenCounter(), duration -> { }), rejecting()));
        adapters.addAll(testAdapters.values());
        ProviderRegistry registry = new ProviderRegistry(catalog, adapters);
        FallbackChain chain = new FallbackChain(registry, breakers, resilience, clock, retryWaits);
        return new CompletionService(decisions(), admissions(), chain, accounting(),
                new ResponseCaching(cacheSettings), ids, clock);
    }

    /** A provider served by a test adapter, registered under the adapter's protocol. */
    public CoreFixture adaptedProvider(String name, ProviderAdapterFactory adapter, DeploymentConfig... deployments) {
        testAdapters.put(adapter.protocol(), adapter);
        providers.add(new ProviderConfig(name, adapter.protocol(), null, List.of(deployments), null));
        return this;
    }

    /** The /v1/chat/completions service over the same parts as {@link #completions()}, plus any test adapters. */
    public ChatCompletionService chatCompletions() {
        ProviderCatalog catalog = new ProviderCatalog("test", providers);
        List<ProviderAdapterFactory> adapters = new ArrayList<>(
                List.of(new SimulatedAdapterFactory(new EstimatingTokenCounter(), duration -> { }), rejecting()));
        adapters.addAll(testAdapters.values());
        FallbackChain chain = new FallbackChain(new ProviderRegistry(catalog, adapters), breakers,
                resilience, clock, retryWaits);
        return new ChatCompletionService(decisions(), admissions(), chain, accounting(),
                new ResponseCaching(cacheSettings),
                new CandidateCatalog(catalog, prices), new JtokkitTokenCounter(), ids, clock);
    }

    /** Admission over this fixture's {@link #state} and {@link #outagePolicy}. */
    public Admissions admissions() {
        return new Admissions(state, new CostCalculator(prices, "gpt-4o"),
                new CandidateCatalog(new ProviderCatalog("test", providers), prices), outagePolicy, outages, clock, repeats);
    }

    public CompletionAccounting accounting() {
        return new CompletionAccounting(new CostCalculator(prices, "gpt-4o"), new LedgerWriter(ledger, outbox, clock),
                new EstimatingTokenCounter(), new RequestObserver(metrics), JSON, new DeploymentQuality(ledger, clock));
    }

    private static ProviderAdapterFactory rejecting() {
        return AnsweringAdapter.of(REJECTING, (provider, request) -> {
            throw new ProviderException(provider, ProviderException.Kind.REJECTED,
                    "HTTP 400 invalid_request_error (sk-...abcd)");
        });
    }

    private static ModelPrice price(double in, double out) {
        return new ModelPrice(in, out, 0, 0, 0, 128_000, "test", "chat");
    }

}
