package dev.switchboard.service;

import dev.switchboard.api.ChatCompletionRequest;
import dev.switchboard.api.CompleteRequest;
import dev.switchboard.api.RoutingPreferences;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.ToolDefinition;
import dev.switchboard.routing.Candidate;
import dev.switchboard.state.CacheKey;
import dev.switchboard.state.CacheSettings;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Which requests the response cache answers and under which key. The key holds everything that
 * decides the answer: the messages, the answer's limits and temperature, the tools, and the route
 * (a pinned model, or the routing mode with every preference that can change the chosen model), so
 * two requests share an entry only when they would be routed and asked alike. Entries are kept per
 * principal: a hit would otherwise tell one user what another has asked. Streamed requests are
 * neither looked up nor stored: a stream's point is its first chunk coming early.
 *
 * <p>A chat completion's {@code user} (the end-user id) is left out of the key on purpose: it does not
 * change the answer, only the provider's abuse attribution, and the entries already belong to the
 * principal that chose to send it; keying on it would split one app's cache per end user for nothing.
 * An inline image is keyed by its bytes; a request with an image by address is not cached at all.
 */
@Singleton
public class ResponseCaching {

    private final CacheSettings settings;

    public ResponseCaching(CacheSettings settings) {
        this.settings = settings;
    }

    /** The key of {@code caller}'s /complete request; null when the cache is off. */
    public CacheKey keyOf(CompleteRequest r, Caller caller) {
        if (!settings.enabled()) {
            return null;
        }
        return CacheKey.of(owner(caller) + "complete|" + route(r.autoRoute(), r.routing()),
                List.of(ChatMessage.user(r.prompt())), r.maxTokens(), null, List.of());
    }

    /**
     * The key of {@code caller}'s chat completion; null when the cache is off, the answer is streamed, or an
     * image is given by address (what the address serves may change while the key would not).
     */
    public CacheKey keyOf(ChatCompletionRequest r, Caller caller) {
        if (!settings.enabled() || r.stream() || r.messages().stream()
                .anyMatch(m -> m.images().stream().anyMatch(image -> !image.isInline()))) {
            return null;
        }
        String route = (r.model() != null ? "model:" + r.model() + "|" + route(false, r.routing())
                : "chat|" + route(r.autoRoute(), r.routing()))
                + "|tool_choice=" + r.toolChoice().canonical() + strictTools(r.tools()) + "|" + r.options().canonical()
                // A default budget is fitted to each deployment: not the same request as that budget set by hand.
                + (r.maxTokensGiven() ? "" : "|budget=default");
        return CacheKey.of(owner(caller) + route, r.messages(), r.maxTokens(), r.temperature(), r.tools());
    }

    /**
     * The positions of the strict tools, or nothing when none is: a strict tool's calls are held to its schema,
     * so its answer is not the loose one's. Keys of requests without one stay as they were.
     */
    private static String strictTools(List<ToolDefinition> tools) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tools.size(); i++) {
            if (tools.get(i).strict()) {
                out.append(out.isEmpty() ? "|strict_tools=" : ",").append(i);
            }
        }
        return out.toString();
    }

    /**
     * The principal, length-prefixed so that no principal's name can run into the route after it, and the models its
     * key may use, if it is limited: a key limited to the economy tier must not be answered from a premium model's
     * cached answer to another of its user's keys. A key that may use every model keeps the key it always had.
     */
    private static String owner(Caller caller) {
        String owner = caller.principal().length() + ":" + caller.principal() + "|";
        return caller.models().isEmpty() ? owner : owner + "key_models=" + sorted(caller.models()) + "|";
    }

    /**
     * The answer as the cache keeps it: under the configured model of the deployment that gave it, not
     * the name the upstream reported, so that a hit names the same model as the answer it repeats did
     * (and as a caller can pin), and its ledger row finds the deployment's tier.
     */
    static ChatResponse asDeployment(ChatResponse answer, Candidate answeredBy) {
        return answer.model().equals(answeredBy.model()) ? answer : new ChatResponse(answer.text(),
                answeredBy.model(), answer.usage(), answer.finishReason(), answer.toolCalls());
    }

    /** The routing mode and preferences in one canonical form (sets sorted, absent values spelt out). */
    private static String route(boolean autoRoute, RoutingPreferences p) {
        return "auto_route=" + autoRoute + "|strategy=" + p.strategy() + "|latency=" + p.latencyClass()
                + "|max_cost=" + p.maxCost() + "|sla_ms=" + p.slaTargetMs() + "|allow=" + sorted(p.allow())
                + "|deny=" + sorted(p.deny()) + "|requires=" + sorted(p.requires());
    }

    /** Each name length-prefixed: a name may hold a comma, and ["a,b"] must not read as ["a", "b"]. */
    private static String sorted(Collection<String> values) {
        StringBuilder out = new StringBuilder();
        for (String value : new TreeSet<>(values)) {
            out.append(value.length()).append(':').append(value).append(',');
        }
        return out.toString();
    }
}
