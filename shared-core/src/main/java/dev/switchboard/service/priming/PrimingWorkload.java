package dev.switchboard.service.priming;

import dev.switchboard.api.ChatCompletionRequestParser;
import dev.switchboard.api.ChatCompletionResponse;
import dev.switchboard.api.CompleteRequestParser;
import dev.switchboard.api.CompleteResponse;
import dev.switchboard.api.DecisionResponse;
import dev.switchboard.api.RecommendationResponse;
import dev.switchboard.api.RoutingPreferences;
import dev.switchboard.cost.TokenCounter;
import dev.switchboard.provider.http.UpstreamHttp;
import dev.switchboard.resilience.DeploymentBreakers;
import dev.switchboard.routing.PromptAnalyzer;
import dev.switchboard.routing.StandardStrategies;
import dev.switchboard.routing.scoring.ProviderScorer;
import dev.switchboard.routing.scoring.ScoringConfig;
import dev.switchboard.service.Caller;
import dev.switchboard.service.CandidateCatalog;
import dev.switchboard.service.DecisionService;
import dev.switchboard.service.LearningProperties;
import dev.switchboard.service.RoutingSettings;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One pass over the routing path without I/O: prompt analysis and routing decisions (both modes) for
 * the synthetic prompts, on configuration and this instance's breakers only (no shared-state read, no
 * ledger), the request and response JSON types through the JSON mapper both ways, and every provider
 * adapter's request mapping and response parsing on synthetic wire data (no call is made), and the
 * upstream HTTP client's construction (no connection is opened).
 */
@Singleton
public class PrimingWorkload {

    private final DecisionService decisions;
    private final JsonMapper json;
    private final ProviderWireSamples providers;
    private final UpstreamHttp upstream;

    @Inject
    public PrimingWorkload(PromptAnalyzer analyzer, RoutingSettings routing, LearningProperties learning,
                           ScoringConfig scoring, CandidateCatalog candidates, DeploymentBreakers breakers,
                           JsonMapper json, TokenCounter tokens, UpstreamHttp upstream) {
        // The configuration-only service (the shared one would read shared state and the ledger), on an
        // engine of its own whose learner is not the shared one: the application's learner reads the ledger
        // as estimates ask, and no query may be under way, nor a connection open, when the snapshot is taken.
        // A fixed draw instead of the random source, which is left untouched until after the restore.
        this(new DecisionService(analyzer, StandardStrategies.engine(routing.thresholds(), learning.learner(),
                learning.settings(), () -> 0.5, new ProviderScorer(scoring)), candidates, breakers), json, tokens, upstream);
    }

    PrimingWorkload(DecisionService decisions, JsonMapper json, TokenCounter tokens, UpstreamHttp upstream) {
        this.decisions = decisions;
        this.json = json;
        this.providers = new ProviderWireSamples(json, tokens);
        this.upstream = upstream;
    }

    public PrimingReport run() {
        int decided = 0;
        CompleteRequestParser completeParser = new CompleteRequestParser(json);
        ChatCompletionRequestParser chatParser = new ChatCompletionRequestParser(json);
        for (String prompt : SyntheticPrompts.PROMPTS) {
            completeParser.parse(SyntheticPrompts.completeBody(prompt));
            chatParser.parse(SyntheticPrompts.chatBody(prompt));
            for (boolean autoRoute : new boolean[] {false, true}) {
                roundTrip(decisions.explain(prompt, autoRoute, RoutingPreferences.NONE, Caller.ANONYMOUS), DecisionResponse.class);
                decided++;
            }
            roundTrip(decisions.recommend(prompt, RoutingPreferences.NONE, Caller.ANONYMOUS), RecommendationResponse.class);
            decided++;
        }
        roundTrip(read(ResponseSamples.COMPLETE, CompleteResponse.class), CompleteResponse.class);
        roundTrip(read(ResponseSamples.CHAT_COMPLETION, ChatCompletionResponse.class), ChatCompletionResponse.class);
        int jsonTypes = 6; // the two request bodies, the decision, the recommendation and the two answers above
        upstream.prepare(); // the HTTP client and its TLS context, built lazily otherwise
        return new PrimingReport(decided, jsonTypes, providers.mapAndParseAll());
    }

    private <T> void roundTrip(T value, Class<T> type) {
        try {
            json.readValue(json.writeValueAsBytes(value), type);
        } catch (IOException e) {
            throw new UncheckedIOException("priming could not take " + type.getSimpleName() + " through JSON", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException("priming could not read its sample " + type.getSimpleName(), e);
        }
    }
}
