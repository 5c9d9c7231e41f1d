package dev.switchboard.function.decision;

import dev.switchboard.api.CompleteRequestParser;
import dev.switchboard.api.DecisionResponse;
import dev.switchboard.api.QueryParameters;
import dev.switchboard.api.RoutingPreferencesParser;
import dev.switchboard.service.DecisionService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;

/**
 * GET /routing/decision?prompt=&auto_route= (seed 001): the decision and why. auto_route defaults to
 * true; the routing preferences of POST /complete may be given as query parameters (lists comma-separated).
 */
// Providers, DynamoDB and the ledger are blocking calls: keep them off the server's event loop.
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class DecisionController {

    private final DecisionService decisions;

    public DecisionController(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Get(uri = "/routing/decision", produces = MediaType.APPLICATION_JSON)
    public DecisionResponse decide(HttpRequest<?> request, @Nullable @QueryValue("prompt") String prompt,
                                   @Nullable @QueryValue("auto_route") String autoRoute) {
        return decisions.explain(
                QueryParameters.requiredText("prompt", prompt, CompleteRequestParser.MAX_PROMPT_CHARS),
                QueryParameters.optionalBoolean("auto_route", autoRoute, true),
                RoutingPreferencesParser.fromQuery(name -> request.getParameters().get(name)));
    }
}
