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
import dev.switchboard.routing.RoutingEngine;
import dev.switchboard.service.CandidateCatalog;
import dev.switchboard.service.DecisionService;
import io.micronaut.json.JsonMapper;
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

    public PrimingWorkload(PromptAnalyzer analyzer, RoutingEngine engine, CandidateCatalog candidates,
                           DeploymentBreakers breakers, JsonMapper json, TokenCounter tokens, UpstreamHttp upstream) {
        // The configuration-only service: the shared one would read shared state (DynamoDB) and the ledger.
        this.decisions = new DecisionService(analyzer, engine, candidates, breakers);
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
                roundTrip(decisions.explain(prompt, autoRoute, RoutingPreferences.NONE), DecisionResponse.class);
                decided++;
            }
            roundTrip(decisions.recommend(prompt, RoutingPreferences.NONE), RecommendationResponse.class);
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
