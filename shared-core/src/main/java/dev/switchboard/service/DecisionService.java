package dev.switchboard.service;

import dev.switchboard.api.DecisionMetadata;
import dev.switchboard.api.DecisionResponse;
import dev.switchboard.api.InvalidRequestException;
import dev.switchboard.api.NoEligibleDeploymentException;
import dev.switchboard.api.NoProviderAvailableException;
import dev.switchboard.api.RecommendationResponse;
import dev.switchboard.api.RoutingPreferences;
import dev.switchboard.cost.JtokkitTokenCounter;
import dev.switchboard.cost.TokenCounter;
import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Capability;
import dev.switchboard.routing.ComplexityStrategy;
import dev.switchboard.routing.HybridStrategy;
import dev.switchboard.routing.NoCandidatesException;
import dev.switchboard.routing.PromptAnalysis;
import dev.switchboard.routing.PromptAnalyzer;
import dev.switchboard.routing.RoutingDecision;
import dev.switchboard.routing.RoutingEngine;
import dev.switchboard.routing.RoutingRequest;
import dev.switchboard.routing.UnknownStrategyException;
import dev.switchboard.routing.constraint.RequestConstraints;
import dev.switchboard.resilience.DeploymentBreakers;
import dev.switchboard.routing.scoring.DeploymentSignals;
import dev.switchboard.routing.scoring.LatencyClass;
import dev.switchboard.routing.scoring.ProviderScore;
import dev.switchboard.state.LatencySignals;
import dev.switchboard.observability.PromptLog;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Supplier;

/** Makes routing decisions and explains them; never calls a provider. */
@Singleton
public class DecisionService {

    /** Previews use the request default for the answer budget, as POST /complete would. */
    static final int PREVIEW_MAX_TOKENS = dev.switchboard.api.CompleteRequest.DEFAULT_MAX_TOKENS;

    private final PromptAnalyzer analyzer;
    private final RoutingEngine engine;
    private final CandidateCatalog candidates;

    private final DeploymentBreakers breakers;
    private final Supplier<SharedState> sharedState;
    /** The chosen deployment's feedback quality for previews; null where no ledger is at hand. */
    private final DeploymentQuality quality;
    private final TokenCounter tokens;
    /** Logs prompts only where the operator turned that on; never for instances built by hand. */
    private volatile PromptLog prompts = PromptLog.OFF;

    /**
     * Routes on shared latency (and circuits, through the breakers), read through {@code sharedState};
     * previews say the chosen deployment's feedback quality; {@code tokens} count the prompt for the
     * context window and the reservations.
     */
    @Inject
    public DecisionService(PromptAnalyzer analyzer, RoutingEngine engine, CandidateCatalog candidates,
                           DeploymentBreakers breakers, SharedStateCache sharedState, DeploymentQuality quality,
                           TokenCounter tokens) {
        this(analyzer, engine, candidates, breakers, sharedState::current, quality, tokens);
    }

    /** Routes on shared state as above, without feedback quality. */
    public DecisionService(PromptAnalyzer analyzer, RoutingEngine engine, CandidateCatalog candidates,
                           DeploymentBreakers breakers, SharedStateCache sharedState) {
        this(analyzer, engine, candidates, breakers, sharedState::current, null, new JtokkitTokenCounter());
    }

    /** Routes on configuration and this instance's breakers alone (no shared state: latency unknown). */
    public DecisionService(PromptAnalyzer analyzer, RoutingEngine engine, CandidateCatalog candidates,
                           DeploymentBreakers breakers) {
        this(analyzer, engine, candidates, breakers, () -> SharedState.EMPTY, null, new JtokkitTokenCounter());
    }

    private DecisionService(PromptAnalyzer analyzer, RoutingEngine engine, CandidateCatalog candidates,
                            DeploymentBreakers breakers, Supplier<SharedState> sharedState,
                            DeploymentQuality quality, TokenCounter tokens) {
        this.quality = quality;
        this.tokens = tokens;
        this.analyzer = analyzer;
        this.engine = engine;
        this.candidates = candidates;
        this.breakers = breakers;
        this.sharedState = sharedState;
    }

    @Inject
    void promptLog(PromptLog prompts) {
        this.prompts = prompts;
    }

    /**
     * Analyses and routes a prompt with the caller's preferences, among the deployments the caller's key may use
     * (see {@link Caller#models()}): 400 for an unknown strategy, 503 when no deployment is configured, 422 when
     * every deployment fails a constraint of the request or of the key. There is no form without a caller, so
     * that no new path can route past a key's limit by leaving it out.
     */
    public RoutingDecision decide(String prompt, int maxTokens, boolean autoRoute, RoutingPreferences preferences,
                                  Caller caller) {
        return decide(prompt, maxTokens, autoRoute, preferences, 0, false, caller);
    }

    /**
     * As above, for a request whose provider also reads {@code extraPromptTokens} besides the prompt's text (a
     * chat request's tool definitions and message framing: the context window, the cost ceiling and the
     * decision's {@link RoutingDecision#promptTokens()} count them too), with {@code budgetFitted} true when
     * {@code maxTokens} is the gateway's default rather than the caller's: each deployment is then sent it cut to
     * the model's longest answer and the room its window leaves, instead of being left out when it cannot give
     * all of it.
     */
    public RoutingDecision decide(String prompt, int maxTokens, boolean autoRoute, RoutingPreferences preferences,
                                  int extraPromptTokens, boolean budgetFitted, Caller caller) {
        return decide(prompt, maxTokens, autoRoute, preferences, extraPromptTokens, budgetFitted, caller, Signals.LIVE);
    }

    /** Which signals a decision weighs besides configuration. */
    public enum Signals {
        /** The shared latency, this instance's circuits and its calls under way: what every request is routed on. */
        LIVE,
        /**
         * None: every deployment as if it were new. For a request the response cache may still answer after live
         * signals left no deployment to call (an SLA target that every deployment's measured latency misses): a hit
         * comes at once, so those signals do not bear on it, and its ledger row still wants the decision's analysis.
         */
        CONFIGURED
    }

    /** As above, on the given {@code signals}. */
    public RoutingDecision decide(String prompt, int maxTokens, boolean autoRoute, RoutingPreferences preferences,
                                  int extraPromptTokens, boolean budgetFitted, Caller caller, Signals signals) {
        return decide(prompt, maxTokens, autoRoute, preferences, extraPromptTokens, budgetFitted, caller, false,
                signals);
    }

    private RoutingDecision decide(String prompt, int maxTokens, boolean autoRoute, RoutingPreferences preferences,
                                   int extraPromptTokens, boolean budgetFitted, Caller caller, boolean preview,
                                   Signals signals) {
        if (signals == Signals.LIVE) {
            prompts.received(prompt); // once a request: a decision on configuration follows a live one
        }
        PromptAnalysis analysis = analyzer.analyze(prompt);
        // The analysis keeps four characters a token for every script, so routing's features do not move;
        // the window and the reservations count other scripts with a vocabulary.
        int textTokens = Math.max(analysis.tokenCount(), tokens.countUnrouted(prompt));
        int promptTokens = (int) Math.min(Integer.MAX_VALUE, (long) textTokens + extraPromptTokens);
        RoutingRequest request = new RoutingRequest(prompt, analysis, maxTokens, candidates.all(),
                latencyClass(preferences),
                signals == Signals.LIVE ? liveSignals(candidates.signals()) : candidates.signals(),
                constraints(preferences, budgetFitted, caller.models()), promptTokens, preview);
        String strategy = preferences.strategy() != null ? preferences.strategy()
                : autoRoute ? HybridStrategy.NAME : ComplexityStrategy.NAME;
        try {
            return engine.decide(request, strategy);
        } catch (UnknownStrategyException e) {
            throw new InvalidRequestException("strategy", "'strategy' must be one of "
                    + String.join(", ", engine.strategyNames()));
        } catch (NoCandidatesException e) {
            if (e.exclusions().isEmpty()) {
                throw new NoProviderAvailableException(List.of());
            }
            throw new NoEligibleDeploymentException(e.getMessage());
        }
    }

    /**
     * Configuration's signals with the shared latency figures, each circuit as this instance's breakers
     * see it now (they have already taken in the circuits other instances shared), and this instance's
     * calls under way to each deployment.
     */
    private Map<String, DeploymentSignals> liveSignals(Map<String, DeploymentSignals> configured) {
        SharedState shared = sharedState.get();
        Map<String, DeploymentSignals> live = new HashMap<>(configured.size() * 2);
        configured.forEach((label, signals) -> live.put(label, LatencySignals.apply(signals, shared.latency().of(label))
                .withLive(breakers.isOpen(label), breakers.inFlight(label))));
        return live;
    }

    private static LatencyClass latencyClass(RoutingPreferences preferences) {
        return preferences.latencyClass() == null ? LatencyClass.MEDIUM
                : LatencyClass.fromWireName(preferences.latencyClass()).orElseThrow();
    }

    private static RequestConstraints constraints(RoutingPreferences p, boolean budgetFitted, List<String> keyModels) {
        if (p.equals(RoutingPreferences.NONE) && !budgetFitted && keyModels.isEmpty()) {
            return RequestConstraints.NONE;
        }
        // RoutingPreferences holds only words it checked against the capabilities.
        Set<Capability> needs = p.requires().stream().map(word -> Capability.fromWireName(word).orElseThrow())
                .collect(Collectors.toSet());
        return new RequestConstraints(needs, p.maxCost(), p.slaTargetMs(), Set.copyOf(p.allow()), Set.copyOf(p.deny()),
                budgetFitted, Set.copyOf(keyModels));
    }

    /** GET /recommendation: always the auto-route (hybrid) decision, as seed 001 specifies. */
    public RecommendationResponse recommend(String prompt, RoutingPreferences preferences, Caller caller) {
        return recommend(prompt, PREVIEW_MAX_TOKENS, preferences, caller);
    }

    /**
     * GET /recommendation for an answer budget of {@code maxTokens}, as POST /complete's max_tokens, among the
     * deployments {@code caller}'s key may use.
     */
    public RecommendationResponse recommend(String prompt, int maxTokens, RoutingPreferences preferences,
                                            Caller caller) {
        RoutingDecision d = decide(prompt, maxTokens, true, preferences, 0, false, caller, true, Signals.LIVE);
        return new RecommendationResponse(d.chosen().provider(), d.chosen().model(), d.confidence().wireName(),
                d.strategyUsed(), d.reasoning(), metadata(d));
    }

    /** GET /routing/decision: the decision for either mode, with everything it was based on. */
    public DecisionResponse explain(String prompt, boolean autoRoute, RoutingPreferences preferences,
                                    Caller caller) {
        return explain(prompt, PREVIEW_MAX_TOKENS, autoRoute, preferences, caller);
    }

    /**
     * GET /routing/decision for an answer budget of {@code maxTokens}, as POST /complete's max_tokens, among the
     * deployments {@code caller}'s key may use.
     */
    public DecisionResponse explain(String prompt, int maxTokens, boolean autoRoute, RoutingPreferences preferences,
                                    Caller caller) {
        RoutingDecision d = decide(prompt, maxTokens, autoRoute, preferences, 0, false, caller, true, Signals.LIVE);
        return new DecisionResponse(new DecisionResponse.Decision(d.chosen().provider(), d.chosen().model(),
                d.confidence().wireName(), d.strategyUsed(), d.reasoning(), d.fellBack()), metadata(d));
    }

    DecisionMetadata metadata(RoutingDecision d) {
        PromptAnalysis a = d.analysis();
        List<DecisionMetadata.RankedCandidate> ranked = new ArrayList<>();
        int rank = 1;
        for (Candidate c : d.ranked()) {
            ProviderScore score = d.scores().get(c.label());
            ranked.add(new DecisionMetadata.RankedCandidate(rank++, c.provider(), c.model(), c.tier().wireName(),
                    c.priced(), c.inputCostPerToken(), c.outputCostPerToken(),
                    score == null ? null : score.score(), score == null ? null : score.factors()));
        }
        List<DecisionMetadata.ExcludedCandidate> excluded = d.excluded().stream()
                .map(e -> new DecisionMetadata.ExcludedCandidate(e.candidate(), e.reason())).toList();
        return new DecisionMetadata(a.pattern().wireName(), a.complexity(), a.complexity(), a.tokenCount(),
                a.signals(), quality == null ? null : quality.of(d.chosen().provider(), d.chosen().model()),
                d.chosen().priced() ? d.costEstimate() : null, d.validation().wireName(), ranked, excluded);
    }
}
