package dev.switchboard.service;

import dev.switchboard.api.DecisionMetadata;
import dev.switchboard.api.DecisionResponse;
import dev.switchboard.api.NoEligibleDeploymentException;
import dev.switchboard.api.NoProviderAvailableException;
import dev.switchboard.api.RecommendationResponse;
import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.NoCandidatesException;
import dev.switchboard.routing.PromptAnalysis;
import dev.switchboard.routing.PromptAnalyzer;
import dev.switchboard.routing.RoutingDecision;
import dev.switchboard.routing.RoutingEngine;
import dev.switchboard.routing.RoutingRequest;
import dev.switchboard.routing.constraint.RequestConstraints;
import dev.switchboard.routing.scoring.LatencyClass;
import dev.switchboard.routing.scoring.ProviderScore;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/** Makes routing decisions and explains them; never calls a provider. */
@Singleton
public class DecisionService {

    /** Previews use the request default for the answer budget, as POST /complete would. */
    static final int PREVIEW_MAX_TOKENS = dev.switchboard.api.CompleteRequest.DEFAULT_MAX_TOKENS;

    private final PromptAnalyzer analyzer;
    private final RoutingEngine engine;
    private final CandidateCatalog candidates;

    public DecisionService(PromptAnalyzer analyzer, RoutingEngine engine, CandidateCatalog candidates) {
        this.analyzer = analyzer;
        this.engine = engine;
        this.candidates = candidates;
    }

    /**
     * Analyses and routes a prompt; 503 when no deployment is configured, 422 when every deployment
     * fails a constraint of the request.
     */
    public RoutingDecision decide(String prompt, int maxTokens, boolean autoRoute) {
        PromptAnalysis analysis = analyzer.analyze(prompt);
        try {
            return engine.decide(new RoutingRequest(prompt, analysis, maxTokens, candidates.all(), LatencyClass.MEDIUM,
                    candidates.signals(), RequestConstraints.NONE), autoRoute);
        } catch (NoCandidatesException e) {
            if (e.exclusions().isEmpty()) {
                throw new NoProviderAvailableException(List.of());
            }
            throw new NoEligibleDeploymentException(e.getMessage());
        }
    }

    /** GET /recommendation: always the auto-route (hybrid) decision, as seed 001 specifies. */
    public RecommendationResponse recommend(String prompt) {
        RoutingDecision d = decide(prompt, PREVIEW_MAX_TOKENS, true);
        return new RecommendationResponse(d.chosen().provider(), d.chosen().model(), d.confidence().wireName(),
                d.strategyUsed(), d.reasoning(), metadata(d));
    }

    /** GET /routing/decision: the decision for either mode, with everything it was based on. */
    public DecisionResponse explain(String prompt, boolean autoRoute) {
        RoutingDecision d = decide(prompt, PREVIEW_MAX_TOKENS, autoRoute);
        return new DecisionResponse(new DecisionResponse.Decision(d.chosen().provider(), d.chosen().model(),
                d.confidence().wireName(), d.strategyUsed(), d.reasoning(),
                RoutingEngine.HYBRID_FALLBACK.equals(d.strategyUsed())), metadata(d));
    }

    static DecisionMetadata metadata(RoutingDecision d) {
        PromptAnalysis a = d.analysis();
        List<DecisionMetadata.RankedCandidate> ranked = new ArrayList<>();
        int rank = 1;
        for (Candidate c : d.ranked()) {
            ProviderScore score = d.scores().get(c.label());
            ranked.add(new DecisionMetadata.RankedCandidate(rank++, c.provider(), c.model(), c.tier().wireName(),
                    c.priced(), c.inputCostPerToken(), c.outputCostPerToken(),
                    score == null ? null : score.score(), score == null ? null : score.factors()));
        }
        return new DecisionMetadata(a.pattern().wireName(), a.complexity(), a.complexity(), a.tokenCount(),
                a.signals(), d.chosen().priced() ? d.costEstimate() : null, ranked);
    }
}
