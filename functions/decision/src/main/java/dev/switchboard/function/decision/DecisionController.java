package dev.switchboard.function.decision;

import dev.switchboard.api.DecisionResponse;
import dev.switchboard.api.QueryParameters;
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

/**
 * GET /routing/decision?prompt=&auto_route= (seed 001): the decision and why. auto_route defaults to
 * true; max_tokens (as POST /complete's) and the routing preferences of POST /complete may be given as
 * query parameters (lists comma-separated); any other parameter is a 400. A virtual key limited to some models
 * sees the decision among those.
 */
// Providers, DynamoDB and the ledger are blocking calls: keep them off the server's event loop.
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class DecisionController {

    static final Set<String> PARAMETERS = PreviewQuery.parameters("auto_route");

    private final DecisionService decisions;

    public DecisionController(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Get(uri = "/routing/decision", produces = MediaType.APPLICATION_JSON)
    public DecisionResponse decide(HttpRequest<?> request, Caller caller) {
        PreviewQuery query = PreviewQuery.of(request, "GET /routing/decision", PARAMETERS);
        return decisions.explain(query.prompt(), query.maxTokens(),
                QueryParameters.optionalBoolean("auto_route", query.value("auto_route"), true), query.preferences(),
                caller);
    }
}
