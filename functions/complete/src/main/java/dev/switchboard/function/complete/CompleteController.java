package dev.switchboard.function.complete;

import dev.switchboard.api.CompleteRequestParser;
import dev.switchboard.api.CompleteResponse;
import dev.switchboard.service.Caller;
import dev.switchboard.service.CompletionService;
import dev.switchboard.service.RoutingTrace;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.annotation.Post;


/**
 * POST /complete (seed 001): parse strictly, then hand over to the completion service. The trace it
 * fills becomes the routing headers (see {@code RoutingHeaders}).
 */
// Providers, DynamoDB and the ledger are blocking calls: keep them off the server's event loop.
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class CompleteController {

    private final CompleteRequestParser parser;
    private final CompletionService completions;

    public CompleteController(CompleteRequestParser parser, CompletionService completions) {
        this.parser = parser;
        this.completions = completions;
    }

    // The body is taken raw so that every malformed input gets our 400 naming the field, rather
    // than the binder's message.
    @Post(uri = "/complete", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public CompleteResponse complete(@Nullable @Body byte[] body, Caller caller, RoutingTrace trace) {
        return completions.complete(parser.parse(body), caller, trace);
    }
}
