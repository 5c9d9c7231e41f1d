package dev.switchboard.function.metrics;

import dev.switchboard.api.SimulateFailureRequestParser;
import dev.switchboard.api.SimulatedFailureResponse;
import dev.switchboard.service.Authenticator;
import dev.switchboard.service.Caller;
import dev.switchboard.service.FailureSimulation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;


/**
 * POST /simulate/failure (admin only): marks a provider, or one of its models, down for every instance
 * for a while, and answers 202 with what was marked and until when.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class SimulateFailureController {

    private final SimulateFailureRequestParser parser;
    private final FailureSimulation simulation;

    public SimulateFailureController(SimulateFailureRequestParser parser, FailureSimulation simulation) {
        this.parser = parser;
        this.simulation = simulation;
    }

    @Post(uri = "/simulate/failure", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<SimulatedFailureResponse> simulate(Caller caller, @Nullable @Body byte[] body) {
        Authenticator.requireAdmin(caller);
        return HttpResponse.status(HttpStatus.ACCEPTED).body(simulation.simulate(parser.parse(body)));
    }
}
