package dev.switchboard.function.recommend;

import dev.switchboard.api.RecommendationResponse;
import dev.switchboard.api.http.PreviewQuery;
import dev.switchboard.service.Caller;
import dev.switchboard.service.DecisionService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * GET /recommendation?prompt= (seed 001): the auto-route decision, without calling a provider. max_tokens
 * (as POST /complete's) and the routing preferences of POST /complete may be given as query parameters
 * (lists comma-separated) but a strategy; any other parameter is a 400, auto_route and strategy included (this
 * is always the hybrid's decision; GET /routing/decision previews a named strategy). A
 * virtual key limited to some models is recommended one of those.
 */
// Providers, DynamoDB and the ledger are blocking calls: keep them off the server's event loop.
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class RecommendationController {

    /** The preview's parameters but a strategy: seed 001's recommendation is always the hybrid's. */
    static final Set<String> PARAMETERS = PreviewQuery.parameters().stream()
            .filter(name -> !name.equals("strategy")).collect(Collectors.toUnmodifiableSet());

    private final DecisionService decisions;

    public RecommendationController(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Get(uri = "/recommendation", produces = MediaType.APPLICATION_JSON)
    public RecommendationResponse recommend(HttpRequest<?> request, Caller caller) {
        PreviewQuery query = PreviewQuery.of(request, "GET /recommendation", PARAMETERS);
        return decisions.recommend(query.prompt(), query.maxTokens(), query.preferences(), caller);
    }
}
