package dev.switchboard.function.decision;

import dev.switchboard.api.CompleteRequestParser;
import dev.switchboard.api.DecisionResponse;
import dev.switchboard.api.QueryParameters;
import dev.switchboard.api.http.QueryValues;
import dev.switchboard.api.RoutingPreferencesParser;
import dev.switchboard.service.DecisionService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.annotation.Get;

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
    public DecisionResponse decide(HttpRequest<?> request) {
        return decisions.explain(
                QueryParameters.requiredText("prompt", QueryValues.asSent(request, "prompt"),
                        CompleteRequestParser.MAX_PROMPT_CHARS),
                QueryParameters.optionalBoolean("auto_route", QueryValues.asSent(request, "auto_route"), true),
                RoutingPreferencesParser.fromQuery(name -> QueryValues.asSent(request, name)));
    }
}
