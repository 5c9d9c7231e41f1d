package dev.switchboard.function.recommend;

import dev.switchboard.api.CompleteRequestParser;
import dev.switchboard.api.QueryParameters;
import dev.switchboard.api.http.QueryValues;
import dev.switchboard.api.RecommendationResponse;
import dev.switchboard.api.RoutingPreferencesParser;
import dev.switchboard.service.DecisionService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.annotation.Get;

/**
 * GET /recommendation?prompt= (seed 001): the auto-route decision, without calling a provider. The
 * routing preferences of POST /complete may be given as query parameters (lists comma-separated).
 */
// Providers, DynamoDB and the ledger are blocking calls: keep them off the server's event loop.
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class RecommendationController {

    private final DecisionService decisions;

    public RecommendationController(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Get(uri = "/recommendation", produces = MediaType.APPLICATION_JSON)
    public RecommendationResponse recommend(HttpRequest<?> request) {
        return decisions.recommend(
                QueryParameters.requiredText("prompt", QueryValues.asSent(request, "prompt"),
                        CompleteRequestParser.MAX_PROMPT_CHARS),
                RoutingPreferencesParser.fromQuery(name -> QueryValues.asSent(request, name)));
    }
}
